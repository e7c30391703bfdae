import { describe, expect, it } from 'vitest';
import { placeholders, render } from '../../../src/bot/answers/render.js';

describe('render', () => {
  it('fills values, including dotted names', () => {
    expect(render('欢迎光临{{store.name}}，我是{{persona}}', { 'store.name': '棉屿', persona: '小屿' })).toBe('欢迎光临棉屿，我是小屿');
  });

  it('keeps a section when its value is truthy and drops it otherwise', () => {
    const t = '{{#a}}A{{/a}}{{^a}}not A{{/a}}';
    expect(render(t, { a: true })).toBe('A');
    expect(render(t, { a: 'x' })).toBe('A');
    expect(render(t, { a: 5 })).toBe('A');
    for (const falsy of [false, '', 0, null, undefined]) expect(render(t, { a: falsy })).toBe('not A');
  });

  it('handles nested sections with different names, and a name that prefixes another', () => {
    const t = '{{#asked}}[{{#askedExists}}yes{{/askedExists}}{{^askedExists}}no{{/askedExists}}]{{/asked}}';
    expect(render(t, { asked: true, askedExists: true })).toBe('[yes]');
    expect(render(t, { asked: true, askedExists: false })).toBe('[no]');
    expect(render(t, { asked: false, askedExists: true })).toBe('');
  });

  it('renders unknown values as nothing, never as braces or "undefined"', () => {
    const out = render('a{{missing}}b{{#gone}}c{{/gone}}', {});
    expect(out).toBe('ab');
  });

  it('lists the names a template uses', () => {
    expect(placeholders('{{#a}}{{b}}{{/a}}{{^c}}{{d.e}}{{/c}}').sort()).toEqual(['a', 'b', 'c', 'd.e']);
  });
});
