import { describe, expect, test } from 'vitest';
import { MAX_TEXT_CHARS, parseClientFrame } from '../../src/server/protocol.js';

function codeOf(data: string): string | null {
  const r = parseClientFrame(data);
  return r.ok ? null : r.error.code;
}

describe('parseClientFrame', () => {
  test('a message frame comes back typed, with its text trimmed', () => {
    expect(parseClientFrame('{"type":"message","text":"  在吗 "}')).toEqual({ ok: true, frame: { type: 'message', text: '在吗' } });
  });

  test('broken JSON is bad_json', () => {
    expect(codeOf('{"type":"message"')).toBe('bad_json');
  });

  test('JSON that is not an object with a string type is bad_frame', () => {
    expect(codeOf('[1,2]')).toBe('bad_frame');
    expect(codeOf('"hello"')).toBe('bad_frame');
    expect(codeOf('null')).toBe('bad_frame');
    expect(codeOf('{"text":"hi"}')).toBe('bad_frame');
  });

  test('an unknown type is unknown_type', () => {
    expect(codeOf('{"type":"subscribe","text":"hi"}')).toBe('unknown_type');
  });

  test('a message without a string text is missing_text', () => {
    expect(codeOf('{"type":"message"}')).toBe('missing_text');
    expect(codeOf('{"type":"message","text":42}')).toBe('missing_text');
  });

  test('a message of only whitespace is empty_text', () => {
    expect(codeOf('{"type":"message","text":" \\n\\t "}')).toBe('empty_text');
  });

  test('the text limit counts code points, so emoji are one character each', () => {
    const emoji = '😀'.repeat(MAX_TEXT_CHARS);
    expect(codeOf(JSON.stringify({ type: 'message', text: emoji }))).toBeNull();
    expect(codeOf(JSON.stringify({ type: 'message', text: emoji + '😀' }))).toBe('text_too_long');
    expect(codeOf(JSON.stringify({ type: 'message', text: '好'.repeat(MAX_TEXT_CHARS + 1) }))).toBe('text_too_long');
  });

  test('every error carries a message a person can read', () => {
    const r = parseClientFrame('nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(5);
  });
});
