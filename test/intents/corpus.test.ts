import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, parseIntentFile, testSamples, trainingSamples, unseenLines } from '../../src/intents/corpus.js';
import { INTENT_IDS } from '../../src/intents/types.js';

describe('corpus', () => {
  it('loads one file per intent id, exactly the ids the app relies on', () => {
    const corpus = loadCorpus('training');
    expect(corpus.intents.map((f) => f.intent).sort()).toEqual([...INTENT_IDS].sort());
  });

  it('keeps held-out tests out of the training examples, also as the model sees them (traditional = simplified, no spaces)', () => {
    const corpus = loadCorpus('training');
    // The model reads normalised text, so 請問有人在嗎 in tests and 请问有人在吗 in examples would be one sentence to it.
    expect(unseenLines(corpus, [{ text: '請問 有人在嗎' }, { text: '这句话不在语料里吧' }])).toEqual([{ text: '这句话不在语料里吧' }]);
    expect(unseenLines(corpus, testSamples(corpus))).toEqual(testSamples(corpus));
  });

  it('has examples in all three scripts for every intent', () => {
    for (const f of loadCorpus('training').intents) {
      expect(f.examples['zh-Hans']?.length, f.intent).toBeGreaterThan(50);
      expect(f.examples['zh-Hant']?.length, f.intent).toBeGreaterThan(10);
      expect(f.examples.en?.length, f.intent).toBeGreaterThan(10);
    }
  });

  it('rejects a file whose intent does not match its name, with a clear message', () => {
    expect(() => parseIntentFile('{"intent":"size","examples":{}}', 'color')).toThrow(/must be "color"/);
    expect(() => parseIntentFile('{oops', 'color')).toThrow(CorpusError);
    expect(() => parseIntentFile('{"intent":"color","examples":{"fr":["x"]}}', 'color')).toThrow(/unknown script "fr"/);
  });

  it('changes its hash when an example changes, so a stale model is retrained', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    const write = (ex: string[]): void =>
      writeFileSync(join(dir, 'greeting.json'), JSON.stringify({ intent: 'greeting', examples: { 'zh-Hans': ex } }));
    write(['你好']);
    const a = loadCorpus(dir).hash;
    write(['你好', '在吗']);
    expect(loadCorpus(dir).hash).not.toBe(a);
  });
});
