import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/engine.js';
import type { BotTurn } from '../../src/bot/pipeline/index.js';
import { createMemoryStore } from '../../src/bot/store/memory.js';
import { testBook, testNlu, testShop } from './helpers.js';

describe('turn observers', () => {
  it('see every finished turn in order, after it is recorded, and cannot break the reply', async () => {
    const seen: BotTurn[] = [];
    const store = createMemoryStore();
    const errors: string[] = [];
    const bot = createBot({
      nlu: await testNlu(), store, shop: testShop(), answers: testBook(),
      observers: [
        async (turn) => {
          seen.push(turn);
          expect((await store.history(turn.sessionId)).some((l) => l.text === turn.raw)).toBe(true);
        },
        () => {
          throw new Error('observer bug');
        },
      ],
      log: (m) => errors.push(m),
    });
    const { sessionId } = await bot.open(undefined);
    const first = await bot.handle(sessionId, '可以开发票吗');
    await bot.handle(sessionId, '有黑色吗');
    expect(seen.map((t) => t.raw)).toEqual(['可以开发票吗', '有黑色吗']);
    expect(seen[0]?.classification?.intent).toBe('invoice');
    expect(first.replies?.length).toBeGreaterThan(0);
    expect(errors).toHaveLength(2);
  });
});
