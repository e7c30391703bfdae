import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/intents/corpus.js';
import {
  addToList, formatIntentFile, intentPath, readIntentFile, removeFromList, updateIntentFile, writeIntentFile,
} from '../../src/intents/corpus-writer.js';

const TRAINING = resolve(import.meta.dirname, '../../training');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-writer-'));
  cpSync(TRAINING, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus writer', () => {
  test('every hand-written training file comes back byte for byte when read and written unchanged', () => {
    for (const name of readdirSync(TRAINING).filter((n) => n.endsWith('.json'))) {
      const found = readIntentFile(TRAINING, name.slice(0, -5))!;
      expect(formatIntentFile(found.file, found.raw)).toBe(readFileSync(join(TRAINING, name), 'utf8'));
    }
  });

  test('adding an example appends it to its script and changes nothing else in the file', () => {
    const before = readFileSync(join(dir, 'invoice.json'), 'utf8');
    updateIntentFile(dir, 'invoice', (f) => addToList(f, 'examples', 'zh-Hans', ['电子发票多久能开好']));
    const after = readFileSync(join(dir, 'invoice.json'), 'utf8');
    const a = JSON.parse(after) as { examples: Record<string, string[]> };
    const b = JSON.parse(before) as { examples: Record<string, string[]> };
    expect(a.examples['zh-Hans']).toEqual([...b.examples['zh-Hans']!, '电子发票多久能开好']);
    // Same text except for the one new line (and the comma on the line before it).
    const diff = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(diff.map((l) => l.trim())).toEqual([expect.stringMatching(/",$/), '"电子发票多久能开好"']);
  });

  test('an example already in the list is not added twice', () => {
    const f = readIntentFile(dir, 'invoice')!.file;
    const first = f.examples['zh-Hans']![0]!;
    expect(addToList(f, 'examples', 'zh-Hans', [` ${first} `]).examples['zh-Hans']).toEqual(f.examples['zh-Hans']);
  });

  test('removing the last sentence of a script drops that script from the file', () => {
    updateIntentFile(dir, 'invoice', (f) => ({ ...f, examples: { ...f.examples, en: ['only one'] } }));
    updateIntentFile(dir, 'invoice', (f) => removeFromList(f, 'examples', 'en', 'only one'));
    const raw = JSON.parse(readFileSync(join(dir, 'invoice.json'), 'utf8')) as { examples: Record<string, unknown> };
    expect(Object.keys(raw.examples)).toEqual(['zh-Hans', 'zh-Hant']);
  });

  test('a new intent file has the documented key order, 2-space indent and a final newline, and loads as corpus', () => {
    writeIntentFile(dir, {
      intent: 'gift_wrap', description: '礼品包装',
      examples: { en: ['can you gift wrap it'], 'zh-Hans': ['可以包装成礼物吗'] }, tests: {}, answers: { 'zh-Hans': ['可以的亲'], en: ['Sure'] },
    });
    const text = readFileSync(join(dir, 'gift_wrap.json'), 'utf8');
    expect(text).toBe(
      '{\n  "intent": "gift_wrap",\n  "description": "礼品包装",\n  "examples": {\n    "zh-Hans": [\n      "可以包装成礼物吗"\n    ],\n' +
      '    "en": [\n      "can you gift wrap it"\n    ]\n  },\n  "answers": {\n    "zh-Hans": [\n      "可以的亲"\n    ],\n    "en": [\n      "Sure"\n    ]\n  }\n}\n',
    );
    expect(loadCorpus(dir).intents.map((i) => i.intent)).toContain('gift_wrap');
  });

  test('keys the writer does not know are kept where the person put them', () => {
    writeFileSync(join(dir, 'stock.json'), `${JSON.stringify({ intent: 'stock', examples: { 'zh-Hans': ['有货吗'] }, owner: '小王' }, null, 2)}\n`);
    updateIntentFile(dir, 'stock', (f) => addToList(f, 'examples', 'zh-Hans', ['还有货吗']));
    const raw = JSON.parse(readFileSync(join(dir, 'stock.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(['intent', 'examples', 'owner']);
    expect(raw.owner).toBe('小王');
  });

  test('the write is atomic: no temp files are left behind and a failed validation leaves the file untouched', () => {
    const before = readFileSync(join(dir, 'invoice.json'), 'utf8');
    expect(() => updateIntentFile(dir, 'invoice', (f) => ({ ...f, intent: 'other' }))).toThrow();
    expect(readFileSync(join(dir, 'invoice.json'), 'utf8')).toBe(before);
    updateIntentFile(dir, 'invoice', (f) => addToList(f, 'tests', 'en', ['need a company invoice']));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('intent ids that could leave the training folder are refused', () => {
    expect(() => intentPath(dir, '../package')).toThrow(/not a valid intent id/);
    expect(() => intentPath(dir, 'Gift')).toThrow(/not a valid intent id/);
    expect(intentPath(dir, 'None')).toBe(join(dir, 'None.json'));
  });
});
