import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/engine.js';
import { createMemoryStore } from '../../src/bot/store/memory.js';
import { memoiseNlu } from '../../src/intents/memo.js';
import type { Nlu } from '../../src/intents/types.js';
import { MORNING, testBook, testNlu, testShop } from '../bot/helpers.js';

/** An Nlu that counts the calls that reach it and can pretend a new model was switched in. */
function counting(inner: Nlu) {
  const calls = { normalise: 0, classify: 0, classifyClauses: 0, extract: 0 };
  let version = inner.version;
  const nlu: Nlu = {
    get version() { return version; },
    normalise: (raw) => (calls.normalise++, inner.normalise(raw)),
    classify: (norm) => (calls.classify++, inner.classify(norm)),
    classifyClauses: (norm) => (calls.classifyClauses++, inner.classifyClauses(norm)),
    extract: (norm) => (calls.extract++, inner.extract(norm)),
  };
  return { nlu, calls, retrain: () => { version = `${version}+1`; } };
}

const SENT = ['包邮吗', '170 60kg穿什么码', '有黑色吗 什么时候发货', '發貨要幾天', 'do you ship to hong kong', '我的订单123456789012到哪了'];

describe('memoiseNlu', () => {
  it('answers a text sent again from memory, with the same results as the model', async () => {
    const { nlu, calls } = counting(await testNlu());
    const memo = memoiseNlu(nlu);
    for (const text of SENT) {
      const first = memo.normalise(text);
      const again = memo.normalise(text);
      expect(again).toBe(first);
      expect(memo.classifyClauses(again)).toEqual(nlu.classifyClauses(nlu.normalise(text)));
      expect(memo.classify(again)).toEqual(nlu.classify(nlu.normalise(text)));
      expect(memo.extract(again)).toEqual(nlu.extract(nlu.normalise(text)));
    }
    const before = { ...calls };
    for (const text of SENT) {
      const norm = memo.normalise(text);
      memo.classifyClauses(norm);
      memo.classify(norm);
      memo.extract(norm);
    }
    expect(calls).toEqual(before);
    expect(memo.stats()).toMatchObject({ hits: SENT.length * 2, misses: SENT.length, size: SENT.length });
  });

  it('asks the model again once a retrained one is switched in', async () => {
    const { nlu, calls, retrain } = counting(await testNlu());
    const memo = memoiseNlu(nlu);
    const norm = memo.normalise('可以开发票吗');
    memo.classifyClauses(norm);
    memo.classifyClauses(norm);
    expect(calls.classifyClauses).toBe(1);
    retrain();
    memo.classifyClauses(memo.normalise('可以开发票吗'));
    expect(calls.classifyClauses).toBe(2);
    expect(memo.version).toBe(nlu.version);
  });

  it('keeps at most maxTexts texts, dropping the least recently used, and never keeps long ones', async () => {
    const { nlu, calls } = counting(await testNlu());
    const memo = memoiseNlu(nlu, { maxTexts: 2, maxLength: 10 });
    memo.normalise('在吗');
    memo.normalise('包邮吗');
    memo.normalise('在吗'); // 包邮吗 is now the least recently used
    memo.normalise('发什么快递');
    expect(memo.stats().size).toBe(2);
    const n = calls.normalise;
    memo.normalise('在吗');
    expect(calls.normalise).toBe(n);
    memo.normalise('包邮吗');
    expect(calls.normalise).toBe(n + 1);
    const long = '这件衣服洗了以后会不会缩水呀想知道';
    expect(memo.normalise(long)).not.toBe(memo.normalise(long));
    expect(memo.stats().size).toBe(2);
  });

  it('leaves the shared results untouched after whole bot turns use them, in many chats', async () => {
    const memo = memoiseNlu(await testNlu());
    const bot = createBot({ nlu: memo, store: createMemoryStore(), shop: testShop(), answers: testBook(), clock: () => MORNING });
    const snapshot = () => SENT.map((t) => {
      const norm = memo.normalise(t);
      return JSON.stringify([norm, memo.classifyClauses(norm), memo.classify(norm), memo.extract(norm)]);
    });
    const before = snapshot();
    const replies: string[][] = [];
    for (let chat = 0; chat < 3; chat++) {
      const { sessionId } = await bot.open(undefined);
      const texts: string[] = [];
      for (const t of [...SENT, '那顺丰呢', 'M码呢', ...SENT]) texts.push((await bot.handle(sessionId, t)).replies!.map((r) => r.text).join('|'));
      replies.push(texts);
    }
    expect(snapshot()).toEqual(before);
    // Every chat asked the same things in the same order, so from memory or not, each got the same answers.
    expect(replies[1]).toEqual(replies[0]);
    expect(replies[2]).toEqual(replies[0]);
  });
});
