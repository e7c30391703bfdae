import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaleInput, type NetRun } from '../../src/intents/classifier.js';
import {
  acceptProbability, decideIntent, DEFAULT_THRESHOLDS, fitRejectRule, REJECT_INPUTS, rejectInputs, type RejectExample, type RejectRule,
} from '../../src/intents/classify.js';
import { createNlu, loadOrTrainModel, loadOrTrainNlu } from '../../src/intents/index.js';
import { loadCorpus, trainingSamples } from '../../src/intents/corpus.js';
import { loadModel, trainOnSamples, type ModelFile } from '../../src/intents/model.js';
import type { IntentId, Nlu } from '../../src/intents/types.js';
import { TEST_MODEL_CACHE } from '../global-setup.js';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await loadOrTrainNlu({ trainingDir: 'training', cacheDir: TEST_MODEL_CACHE });
});

const intentOf = (text: string): string => nlu.classify(nlu.normalise(text)).intent;

describe('classify', () => {
  it.each([
    ['亲 170 60kg穿什么码', 'size'],
    ['有黑色的吗', 'color'],
    ['今天下单什么时候发货呀', 'shipping'],
    ['可以开发票吗', 'invoice'],
    ['收到的杯子碎了', 'damage'],
    ['颜色洗了掉得厉害', 'quality'],
    ['快递员态度很差', 'complaint'],
    ['发票抬头写错了', 'invoice'],
    ['转人工', 'human'],
  ])('understands the store questions buyers ask most: %s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('understands traditional Chinese and English buyers', () => {
    expect(intentOf('請問可以開發票嗎')).toBe('invoice');
    expect(intentOf('運費多少 寄香港幾天到')).toBe('shipping');
    expect(intentOf('can i get an invoice for my order')).toBe('invoice');
    expect(intentOf('the package arrived broken')).toBe('damage');
  });

  it('sends out-of-scope messages to None instead of guessing', () => {
    for (const text of ['今天天气怎么样', '给我讲个笑话', 'asdkjhqwe', '帮我订一张去北京的机票']) {
      expect(intentOf(text)).toBe('None');
    }
  });

  it('answers None with a reason for empty, emoji-free punctuation and unknown input', () => {
    const empty = nlu.classify(nlu.normalise(''));
    expect(empty.intent).toBe('None');
    expect(empty.noneReason).toBe('no-known-words');
    expect(nlu.classify(nlu.normalise('？？？！！')).intent).toBe('None');
  });

  it('treats an emoji-only wave as a greeting', () => {
    expect(intentOf('👋👋')).toBe('greeting');
  });

  it('survives a 5,000-character message and still classifies it', () => {
    const long = '请问可以开发票吗'.repeat(625);
    expect(long.length).toBe(5000);
    const c = nlu.classify(nlu.normalise(long));
    expect(c.intent).toBe('invoice');
  });

  it('returns a ranking best first with scores between 0 and 1', () => {
    const c = nlu.classify(nlu.normalise('能开专票吗'));
    expect(c.ranking.length).toBeGreaterThan(1);
    for (let i = 1; i < c.ranking.length; i += 1) {
      expect(c.ranking[i - 1]!.score).toBeGreaterThanOrEqual(c.ranking[i]!.score);
    }
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThanOrEqual(1);
  });

  it('splits a message with two questions into both intents', () => {
    const intents = nlu.classifyClauses(nlu.normalise('有黑色吗 什么时候发货')).map((c) => c.intent);
    expect(intents).toEqual(['color', 'shipping']);
    const one = nlu.classifyClauses(nlu.normalise('170 60kg 穿什么码'));
    expect(one.map((c) => c.intent)).toEqual(['size']);
  });

  it('reaches 90% on the independent realistic set (a floor to catch regressions, not the target)', () => {
    const lines = readFileSync('test/fixtures/realistic.jsonl', 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as { text: string; intent: string });
    const right = lines.filter((l) => intentOf(l.text) === l.intent).length;
    expect(right / lines.length).toBeGreaterThan(0.9);
  });
});

const run = (outputs: Partial<Record<IntentId, number>>, known = 4): NetRun => {
  let total = 0;
  for (const v of Object.values(outputs)) total += v * v;
  const ranking = Object.entries(outputs)
    .map(([intent, v]) => ({ intent: intent as IntentId, score: total > 0 ? (v * v) / total : 0 }))
    .sort((a, b) => b.score - a.score);
  return { ranking, raw: Math.max(0, ...Object.values(outputs)), known, outputs };
};
const features = { 'w:发票': 1, 'w:可以': 1, 'b:发票': 1, 'b:可以': 1 };
// Accepts when the best in-scope score (input 0) is above one half.
const byScore: RejectRule = { inputs: [...REJECT_INPUTS], weights: [20, 0, 0, 0, 0, 0, 0, 0, 0, 0], bias: -10, threshold: 0.5 };

describe('decideIntent with a learned reject rule', () => {
  it('keeps the best in-scope intent when the rule is sure of it', () => {
    const c = decideIntent(run({ invoice: 0.9, shipping: 0.2, None: 0.1 }), DEFAULT_THRESHOLDS, features, byScore);
    expect(c.intent).toBe('invoice');
    expect(c.ambiguous).toBe(false);
    expect(c.score).toBeCloseTo(0.81 / 0.86, 5);
  });

  it('says None, with the reason, when the rule is not sure', () => {
    const weak = decideIntent(run({ invoice: 0.3, shipping: 0.3, complaint: 0.3, None: 0 }), DEFAULT_THRESHOLDS, features, byScore);
    expect(weak.intent).toBe('None');
    expect(weak.noneReason).toBe('low-score');
    const none = decideIntent(run({ invoice: 0.2, None: 0.9 }), DEFAULT_THRESHOLDS, features, byScore);
    expect(none.intent).toBe('None');
    expect(none.noneReason).toBe('model');
  });

  it('lets the rule keep an in-scope intent even when the None unit fired harder', () => {
    const keepAll: RejectRule = { ...byScore, weights: new Array<number>(REJECT_INPUTS.length).fill(0), bias: 5 };
    const c = decideIntent(run({ invoice: 0.5, None: 0.6 }), DEFAULT_THRESHOLDS, features, keepAll);
    expect(c.intent).toBe('invoice');
    expect(c.ranking[0]?.intent).toBe('None');
  });

  it('says None when no in-scope unit fired at all, whatever the rule', () => {
    const keepAll: RejectRule = { ...byScore, weights: new Array<number>(REJECT_INPUTS.length).fill(0), bias: 5 };
    const c = decideIntent(run({ invoice: 0, shipping: 0, None: 0 }), DEFAULT_THRESHOLDS, features, keepAll);
    expect(c.intent).toBe('None');
    expect(decideIntent(run({ invoice: 1 }, 0), DEFAULT_THRESHOLDS, features, keepAll).noneReason).toBe('no-known-words');
  });

  it('feeds the rule what it is documented to see', () => {
    const inputs = rejectInputs(run({ invoice: 0.8, shipping: 0.4, None: 0.4 }, 3), { ...features, 'e:orderId': 1 });
    expect(inputs).toHaveLength(REJECT_INPUTS.length);
    const at = (name: (typeof REJECT_INPUTS)[number]): number => inputs[REJECT_INPUTS.indexOf(name)] as number;
    expect(at('score')).toBeCloseTo(0.64 / 0.96, 5);
    expect(at('margin')).toBeCloseTo(0.48 / 0.96, 5);
    expect(at('raw')).toBeCloseTo(0.8, 5);
    expect(at('noneRaw')).toBeCloseTo(0.4, 5);
    expect(at('unknownShare')).toBeCloseTo(2 / 5, 5);
    expect(at('hasEntity')).toBe(1);
    expect(at('noHan')).toBe(0);
  });

  it('falls back to the hand-set thresholds for a model file without a rule', () => {
    expect(decideIntent(run({ invoice: 0.9, None: 0.1 }), DEFAULT_THRESHOLDS, features).intent).toBe('invoice');
    const c = decideIntent(run({ invoice: 0.15, None: 0.01 }), DEFAULT_THRESHOLDS, features);
    expect(c.intent).toBe('None');
    expect(c.noneReason).toBe('low-score');
  });
});

describe('fitRejectRule', () => {
  it('learns to accept confident runs and reject unsure ones, on raw inputs', () => {
    const examples: RejectExample[] = [];
    for (let i = 0; i < 200; i += 1) {
      const score = i / 200;
      examples.push({ inputs: [score, 10 + (i % 7)], accept: score > 0.6 ? 1 : 0 });
    }
    const rule = fitRejectRule(examples, 0.5, 2000);
    expect(acceptProbability(rule, [0.95, 12])).toBeGreaterThan(0.8);
    expect(acceptProbability(rule, [0.2, 12])).toBeLessThan(0.2);
    expect(rule.weights[0]).toBeGreaterThan(0);
  });
});

describe('training', () => {
  it('scales every message to the same squared length, and leaves plain features alone when asked to', () => {
    const scaled = scaleInput({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1 }, 4);
    expect(Object.values(scaled).reduce((s, v) => s + v * v, 0)).toBeCloseTo(4, 10);
    expect(scaleInput({ a: 1, b: 1 }, 0)).toEqual({ a: 1, b: 1 });
  });

  it('trains the same model twice from the same examples', () => {
    const samples = trainingSamples(loadCorpus('training')).filter((_, i) => i % 40 === 0);
    const now = new Date(0);
    const a = trainOnSamples(samples, { now });
    const b = trainOnSamples(samples, { now });
    expect(JSON.stringify(a.file.net)).toEqual(JSON.stringify(b.file.net));
  });

  it('saves and loads a model that answers exactly as before, rule and input scaling included', () => {
    const model = loadOrTrainModel({ trainingDir: 'training', cacheDir: TEST_MODEL_CACHE }).model;
    expect(model.file.reject?.inputs).toEqual([...REJECT_INPUTS]);
    expect(model.file.inputNorm).toBeGreaterThan(0);
    const reloaded = createNlu(loadModel(JSON.parse(JSON.stringify(model.file)) as ModelFile));
    for (const text of ['可以开发票吗', '今天天气怎么样', '收到的杯子碎了 要退款']) {
      expect(reloaded.classify(reloaded.normalise(text))).toEqual(nlu.classify(nlu.normalise(text)));
    }
  });
});
