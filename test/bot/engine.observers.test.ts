import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/engine.js';
import type { BotTurn } from '../../src/bot/pipeline/index.js';
import { createMemoryStore } from '../../src/bot/store/memory.js';
import type { ChatStore } from '../../src/bot/store/types.js';
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

describe('after-reply observers', () => {
  it('run once the reply is handed back, and the chat\'s next message waits for them and for the turn\'s write', async () => {
    const events: string[] = [];
    const memory = createMemoryStore();
    // Once the chat is open, writes finish only when the test lets them, so waiting for one is visible.
    const writes: (() => void)[] = [];
    let gated = false;
    const store: ChatStore = {
      ...memory,
      append: (id, lines) => memory.append(id, lines).then(() => (gated ? new Promise<void>((ok) => writes.push(ok)) : undefined)),
    };
    const bot = createBot({
      nlu: await testNlu(), store, shop: testShop(), answers: testBook(),
      observers: [(turn) => { events.push(`before ${turn.raw}`); }],
      afterReply: [(turn) => { events.push(`after ${turn.raw}`); }],
    });
    const { sessionId } = await bot.open(undefined);
    gated = true;
    const first = bot.handle(sessionId, '可以开发票吗');
    const second = bot.handle(sessionId, '有黑色吗');
    expect((await first).replies?.length).toBeGreaterThan(0);
    events.push('replied 可以开发票吗');
    await new Promise((ok) => setTimeout(ok, 20));
    // The reply did not wait for the disk; the observer ran after it, and the next message waits for the write.
    expect(events).toEqual(['before 可以开发票吗', 'replied 可以开发票吗', 'after 可以开发票吗']);
    writes.shift()!();
    await second;
    writes.shift()!();
    await bot.idle();
    expect(events).toEqual(['before 可以开发票吗', 'replied 可以开发票吗', 'after 可以开发票吗', 'before 有黑色吗', 'after 有黑色吗']);
  });

  it('answer the buyer when a turn cannot be written, and the failed write is reported', async () => {
    const memory = createMemoryStore();
    const { sessionId } = await createBot({ nlu: await testNlu(), store: memory, shop: testShop(), answers: testBook() }).open(undefined);
    const store: ChatStore = { ...memory, append: () => Promise.reject(new Error('disk full')) };
    const errors: string[] = [];
    const seen: string[] = [];
    const bot = createBot({
      nlu: await testNlu(), store, shop: testShop(), answers: testBook(), log: (m) => errors.push(m),
      afterReply: [(turn) => { seen.push(turn.raw); }],
    });
    const turn = await bot.handle(sessionId, '可以开发票吗');
    expect(turn.replies?.length).toBeGreaterThan(0);
    await bot.idle();
    expect(errors).toEqual([`chat ${sessionId}: a turn's lines could not be written`]);
    expect(seen).toEqual(['可以开发票吗']);
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
