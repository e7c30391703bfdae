import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../../src/bot/answers/book.js';
import { placeholders, render, type Vars } from '../../../src/bot/answers/render.js';

/** The regex rules render used before templates were parsed once and kept: the oracle for the parsed path. */
function regexRender(template: string, vars: Vars): string {
  const SECTION = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/;
  const truthy = (v: Vars[string]) => v !== undefined && v !== null && v !== false && v !== '' && v !== 0;
  let out = template;
  for (let m = SECTION.exec(out); m; m = SECTION.exec(out)) {
    const [whole, sign, name, body = ''] = m;
    out = out.slice(0, m.index) + (truthy(vars[name!]) === (sign === '#') ? body : '') + out.slice(m.index + whole.length);
  }
  return out.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const v = vars[name];
    return v === undefined || v === null || typeof v === 'boolean' ? '' : String(v);
  }).replace(/[ \t]{2,}/g, ' ').trim();
}

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

  it('renders every shipped template exactly as the regex rules do, under many value combinations', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: Vars[string][] = [true, false, '', 'x  y', 0, 3, null, undefined, '顺丰'];
    let compared = 0;
    for (const answers of loadAnswers('training').values()) {
      for (const template of [...answers['zh-Hans'], ...(answers['zh-Hant'] ?? []), ...answers.en]) {
        for (let round = 0; round < 40; round++) {
          const vars: Vars = {};
          for (const name of placeholders(template)) vars[name] = values[Math.floor(rand() * values.length)];
          expect(render(template, vars)).toBe(regexRender(template, vars));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it('renders templates whose tags do not pair up by the regex rules, never throwing', () => {
    for (const t of ['{{#a}}open only', 'close only{{/a}} {{b}}', '{{#a}}x{{#a}}y{{/a}}z{{/a}}', '{{#a}}x{{/b}}', '{{ #a}}x{{/a}}', '{{{{#a}}x{{/a}}']) {
      for (const vars of [{ a: true, b: 'B' }, { a: false, b: '' }]) expect(render(t, vars)).toBe(regexRender(t, vars));
    }
    expect(render('{{#a}}open only', { a: true })).toBe('{{#a}}open only');
  });

  it('takes values from `over` before `vars`, including values set to nothing', () => {
    expect(render('{{a}}-{{b}}-{{c}}', { a: 'A', b: 'B', c: 'C' }, { b: 'b', c: undefined })).toBe('A-b-');
    expect(render('{{#c}}yes{{/c}}{{^c}}no{{/c}}', { c: true }, { c: false })).toBe('no');
  });

  it('lists the names a template uses', () => {
    expect(placeholders('{{#a}}{{b}}{{/a}}{{^c}}{{d.e}}{{/c}}').sort()).toEqual(['a', 'b', 'c', 'd.e']);
  });
});
