import { describe, expect, it } from 'vitest';
import { makeNormalise, replyScript } from '../../../src/bot/pipeline/normalise.js';
import { bareTurn, testNlu } from '../helpers.js';

const nlu = await testNlu();
const script = (raw: string, previous: 'hans' | 'hant' | 'en' = 'hans') => replyScript(nlu.normalise(raw), previous);

describe('normalise stage', () => {
  it('answers in the script the buyer wrote', () => {
    expect(script('有黑色吗')).toBe('hans');
    expect(script('請問有黑色嗎')).toBe('hant');
    expect(script('do you have it in black')).toBe('en');
    expect(script('hello', 'hans')).toBe('en');
  });

  it('keeps the chat’s script for messages that show none (numbers, units, sizes, gibberish)', () => {
    expect(script('170 60kg', 'hant')).toBe('hant');
    expect(script('170 60kg', 'hans')).toBe('hans');
    expect(script('M', 'en')).toBe('en');
    expect(script('asdfgh', 'hans')).toBe('hans');
    expect(script('👍', 'hant')).toBe('hant');
  });

  it('keeps traditional for Chinese that is written the same in both scripts, but not for simplified-only text', () => {
    expect(script('好的', 'hant')).toBe('hant');
    expect(script('在吗', 'hant')).toBe('hans');
    expect(script('发货', 'hant')).toBe('hans');
  });

  it('fills the normalised text and records the script in the chat state', async () => {
    const turn = await makeNormalise({ nlu })(bareTurn('請問有黑色嗎'));
    expect(turn.norm?.text).toContain('黑色');
    expect(turn.script).toBe('hant');
    expect(turn.state.script).toBe('hant');
  });
});
