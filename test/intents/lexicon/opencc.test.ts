/** Our flat-map OpenCC converters must give exactly what opencc-js gives with the same dictionaries. */
import { readdirSync, readFileSync } from 'node:fs';
import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { configConverter, flatConverter } from '../../../src/intents/lexicon/opencc.js';

const from = OpenCC.Locale.from;
const to = OpenCC.Locale.to;
const s2tw = (OpenCC.Locale as unknown as { configs: Record<string, { conversionChain: string[][] }> }).configs['s2tw'];

/** Every string in the training files (examples, tests, answers), in every script. */
function trainingTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync('training').filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(`training/${f}`, 'utf8')));
  return out;
}

/** Every key of a locale's dictionaries, then the keys run together in long lines (so matches meet and overlap). */
function dictionaryTexts(groups: readonly (readonly unknown[])[]): string[] {
  const keys = groups.flat().flatMap((d) => (typeof d === 'string' ? d.split('|').map((l) => l.split(' ')[0] ?? '') : []));
  const lines: string[] = [];
  for (let i = 0; i < keys.length; i += 37) lines.push(keys.slice(i, i + 37).join(''));
  return [...keys, ...lines];
}

const awkward = ['', 'abc 123', '⿰木木林', '⿰发发', '⿱头⿰发发了', '发⿰', '⿱⿰', '𠮷野家 𩸽', '發貨要幾天', '头发发现了', '乾隆', '著名', '拉鍊', '回覆', '衞生', '😀亲'];

describe('flat OpenCC converters', () => {
  it('simplify Taiwan and Hong Kong text exactly as opencc-js does', () => {
    const theirs = OpenCC.ConverterFactory(from['tw'] ?? [], from['hk'] ?? [], to['cn'] ?? []);
    const ours = flatConverter(...(from['tw'] ?? []), ...(from['hk'] ?? []), ...(to['cn'] ?? []));
    const texts = [...awkward, ...trainingTexts(), ...dictionaryTexts([...(from['tw'] ?? []), ...(from['hk'] ?? []), ...(to['cn'] ?? [])])];
    expect(texts.length).toBeGreaterThan(10_000);
    const differ = texts.filter((t) => ours(t) !== theirs(t));
    expect(differ.slice(0, 5).map((t) => [t, ours(t), theirs(t)])).toEqual([]);
  });

  it('write simplified text in Taiwan forms exactly as opencc-js does (s2tw)', () => {
    const theirs = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const ours = configConverter('s2tw');
    const texts = [...awkward, ...trainingTexts(), ...dictionaryTexts(s2tw?.conversionChain ?? [])];
    expect(texts.length).toBeGreaterThan(50_000);
    const differ = texts.filter((t) => ours(t) !== theirs(t));
    expect(differ.slice(0, 5).map((t) => [t, ours(t), theirs(t)])).toEqual([]);
  });

  it('lets the first dictionary of a group win and, within one, the last line (as opencc-js does)', () => {
    const group = ['ab X|ab Y|c Z', 'ab W|c V'];
    expect(flatConverter(group)('abc')).toBe(OpenCC.ConverterFactory([group])('abc'));
    expect(flatConverter(group)('abc')).toBe('YZ');
    const theirs = OpenCC.Converter({ from: 'twp', to: 'cn' }); // tw2sp: its groups disagree on 核心
    const ours = configConverter('tw2sp');
    expect(trainingTexts().filter((t) => ours(t) !== theirs(t))).toEqual([]);
    expect(ours('核心')).toBe(theirs('核心'));
  });

  it('turns phrases, not just characters', () => {
    expect(configConverter('s2tw')('头发发现了')).toBe('頭髮發現了');
    expect(flatConverter(...(from['tw'] ?? []), ...(to['cn'] ?? []))('拉鍊回覆')).toBe('拉链回复');
  });

  it('refuses a config opencc-js does not have', () => {
    expect(() => configConverter('s2xx')).toThrow(/no OpenCC config/);
  });
});
