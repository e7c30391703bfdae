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

describe('returning buyers', () => {
  it('knows a buyer who comes back with their buyer id, and not one who brings a malformed id', async () => {
    const store = createMemoryStore();
    const bot = createBot({ nlu: await testNlu(), store, shop: testShop(), answers: testBook() });
    const first = await bot.open(undefined);
    const firstTurn = await bot.handle(first.sessionId, '有黑色吗');
    expect(firstTurn.buyerType?.returning).toBe(false);

    const again = await bot.open(undefined, first.buyerId);
    expect(again.buyerId).toBe(first.buyerId);
    expect(again.sessionId).not.toBe(first.sessionId);
    const later = await bot.handle(again.sessionId, '有黑色吗');
    expect(later.buyerType?.returning).toBe(true);
    expect(later.buyerType?.label).toContain('回头客');

    const forged = await bot.open(undefined, '../../etc/passwd');
    expect(forged.buyerId).not.toBe('../../etc/passwd');
    expect((await bot.handle(forged.sessionId, '有黑色吗')).buyerType?.returning).toBe(false);
  });

  it('never opens a chat from a buyer id alone', async () => {
    const store = createMemoryStore();
    const bot = createBot({ nlu: await testNlu(), store, shop: testShop(), answers: testBook() });
    const first = await bot.open(undefined);
    await bot.handle(first.sessionId, '我的手机号13812345678');
    const other = await bot.open(first.buyerId, first.buyerId);
    expect(other.resumed).toBe(false);
    expect(other.history).toEqual([]);
  });
});
