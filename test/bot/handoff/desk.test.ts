import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandoffDesk } from '../../../src/bot/handoff/desk.js';
import { buyerChannel, createLocalHub, QUEUE_CHANNEL, repChannel } from '../../../src/bot/handoff/hub.js';
import { createLowdbHandoffStore } from '../../../src/bot/handoff/store/lowdb.js';
import { createMemoryHandoffStore } from '../../../src/bot/handoff/store/memory.js';
import { testShop } from '../helpers.js';
import { deskFixture, listen, turnAfter } from './helpers.js';

const amy = { user: 'amy', name: '小美' };
const bob = { user: 'bob', name: '小波' };

describe('the handoff desk, bot side', () => {
  it('queues a chat that asked for a person and tells the buyer their place and wait', async () => {
    const f = await deskFixture();
    const off = f.desk.repConnected('amy');
    const queue = listen(f.hub, QUEUE_CHANNEL);
    const { extra, sessionId } = await f.chat(['转人工']);
    expect(extra).toHaveLength(1);
    expect(extra[0]!.text).toContain('您是下一位');
    expect(extra[0]!.text).toContain('预计等待约 3 分钟');
    const [record] = f.desk.list();
    expect(record).toMatchObject({ sessionId, status: 'queued', note: { reason: 'asked_for_human' } });
    expect(queue).toEqual([{ type: 'upsert', record }]);
    // The place line is in the chat's own history too, so a reload shows it.
    expect((await f.chats.history(sessionId)).at(-1)).toMatchObject({ from: 'system', text: extra[0]!.text });
    off();
  });

  it('opens nothing for a turn the bot answers itself', async () => {
    const f = await deskFixture();
    const { extra } = await f.chat(['可以开发票吗']);
    expect(extra).toEqual([]);
    expect(f.desk.list()).toEqual([]);
  });

  it('serves an angry buyer before a calmer one who came first, and tells the calm one they moved back', async () => {
    const f = await deskFixture();
    f.desk.repConnected('amy');
    const calm = await f.chat(['转人工']);
    const told = listen(f.hub, buyerChannel(calm.sessionId));
    f.advance(60_000);
    const angry = await f.chat(['你们什么破服务，我要给差评']);
    expect(f.desk.list().map((r) => r.sessionId)).toEqual([angry.sessionId, calm.sessionId]);
    expect(f.desk.positionOf(calm.sessionId)?.place).toBe(2);
    // Told in the check phase of the loop turn that opened the angry buyer's handoff.
    await new Promise((resolve) => setImmediate(resolve));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ type: 'say', line: { from: 'system' } });
    expect(JSON.stringify(told[0])).toContain('您前面还有 1 位');
  });

  it('tells a waiting buyer once when several urgent chats go ahead of them in the same loop turn', async () => {
    const f = await deskFixture();
    f.desk.repConnected('amy');
    const calm = await f.chat(['转人工']);
    const told = listen(f.hub, buyerChannel(calm.sessionId));
    const angry = await Promise.all([0, 1].map(() => turnAfter(f.bot, f.chats, ['你们什么破服务，我要给差评'])));
    // Both handoffs open in the same loop turn, as when the bot answers two messages together.
    await Promise.all(angry.map((input) => f.desk.afterTurn(input)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(f.desk.positionOf(calm.sessionId)?.place).toBe(3);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0])).toContain('您前面还有 2 位');
  });

  it("answers a waiting buyer's message without waiting for the handoff record's write, and reports a failed write", async () => {
    const inner = createMemoryHandoffStore();
    let puts = 0;
    let failNext: ((err: Error) => void) | null = null;
    // The first put (opening the handoff) is written; the update after the buyer's next message never finishes,
    // then fails, as a stuck or full disk would.
    const store = { ...inner, put: (r: Parameters<typeof inner.put>[0]) => (++puts === 1 ? inner.put(r) : new Promise<void>((_, fail) => { failNext = fail; })) };
    const logged: string[] = [];
    const f = await deskFixture({ store, log: (m) => logged.push(m) });
    f.desk.repConnected('amy');
    const first = await f.chat(['转人工']);
    const next = await turnAfter(f.bot, f.chats, ['好的我等一下'], first.sessionId);
    const outcome = await Promise.race([f.desk.afterTurn(next).then(() => 'answered'), new Promise((ok) => setTimeout(() => ok('stuck'), 2000))]);
    expect(outcome).toBe('answered');
    expect(f.desk.list()[0]!.buyerMessages).toBe(1);
    // Held for saveLaterMs, then written; stopping the desk writes it at once.
    expect(puts).toBe(1);
    void f.desk.stop();
    expect(puts).toBe(2);
    failNext!(new Error('disk full'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged.join('\n')).toContain('background write failed');
  });

  it("writes a waiting buyer's burst of messages as one update of the handoff record", async () => {
    const inner = createMemoryHandoffStore();
    const written: number[] = [];
    const store = { ...inner, put: (r: Parameters<typeof inner.put>[0]) => (written.push(r.buyerMessages), inner.put(r)) };
    const f = await deskFixture({ store, saveLaterMs: 30 });
    f.desk.repConnected('amy');
    const first = await f.chat(['转人工']);
    for (const text of ['在吗', '有人吗', '快点']) await f.desk.afterTurn(await turnAfter(f.bot, f.chats, [text], first.sessionId));
    expect(written).toEqual([0]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(written).toEqual([0, 3]);
    expect((await inner.get(f.desk.list()[0]!.id))?.buyerMessages).toBe(3);
  });

  it('reminds a waiting buyer of their place after two minutes without news, not before', async () => {
    const f = await deskFixture();
    f.desk.repConnected('amy');
    const { sessionId } = await f.chat(['转人工']);
    const told = listen(f.hub, buyerChannel(sessionId));
    f.advance(60_000);
    f.desk.remindWaiting();
    expect(told).toEqual([]);
    f.advance(60_000);
    f.desk.remindWaiting();
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0])).toContain('排队更新：您是下一位，预计还要约 3 分钟');
  });

  it('keeps the note current while the buyer waits: messages counted, anger raises urgency', async () => {
    const f = await deskFixture();
    f.desk.repConnected('amy');
    const first = await f.chat(['转人工']);
    expect(f.desk.list()[0]!.urgency).toBe(2);
    await f.bot.handle(first.sessionId, '怎么还没人，气死我了，太过分了');
    const input = { turn: await f.bot.handle(first.sessionId, '快点啊，垃圾店'), state: (await f.chats.get(first.sessionId))!.state, history: [] };
    await f.desk.afterTurn(input);
    const record = f.desk.list()[0]!;
    expect(record.buyerMessages).toBe(1);
    expect(record.urgency).toBe(0);
    expect(record.note.mood).toBe('angry');
    expect(record.transcript.filter((l) => l.from === 'buyer').at(-1)?.text).toBe('快点啊，垃圾店');
  });

  it('with no rep online, says so, takes a message and a contact preference, and keeps the chat queued', async () => {
    const f = await deskFixture();
    const { extra, sessionId } = await f.chat(['转人工']);
    expect(extra[0]!.text).toContain('人工客服都不在线');
    const a = await f.desk.intercept(sessionId, '裤子尺码发错了，要换L', 1);
    expect(a?.[0]?.text).toContain('怎么联系您');
    expect(a?.[0]?.quickReplies).toEqual(['就在这里回复我', '打电话给我', '旺旺联系我']);
    const b = await f.desk.intercept(sessionId, '电话 13812345678', 2);
    expect(b?.[0]?.text).toContain('电话联系（13812345678）');
    expect(b?.[0]?.text).toContain('排在第 1 位');
    const record = f.desk.list()[0]!;
    expect(record.status).toBe('queued');
    expect(record.offline).toEqual({ step: 'done', message: '裤子尺码发错了，要换L', contact: { by: 'phone', phone: '13812345678' } });
    // Once the message is taken the bot answers again while the chat waits.
    expect(await f.desk.intercept(sessionId, '发什么快递', 3)).toBeNull();
  });
});

describe('the handoff desk, rep side', () => {
  it('lets only one of two reps claim a chat, even when both try at once', async () => {
    const f = await deskFixture();
    await f.chat(['转人工']);
    const id = f.desk.list()[0]!.id;
    const results = await Promise.allSettled([f.desk.claim(id, amy), f.desk.claim(id, bob)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'already_claimed' });
    expect(f.desk.get(id)?.rep).toEqual(amy);
    // Claiming again is harmless for the holder.
    await expect(f.desk.claim(id, amy)).resolves.toMatchObject({ status: 'claimed' });
  });

  it('relays the buyer to the rep and the rep to the buyer, and keeps the bot silent meanwhile', async () => {
    const f = await deskFixture();
    const { sessionId } = await f.chat(['转人工']);
    const id = f.desk.list()[0]!.id;
    const toBuyer = listen(f.hub, buyerChannel(sessionId));
    const toAmy = listen(f.hub, repChannel('amy'));
    const toBob = listen(f.hub, repChannel('bob'));
    await f.desk.claim(id, amy);
    expect(toBuyer[0]).toMatchObject({ type: 'say', line: { from: 'system', text: '人工客服「小美」已接入，为您服务～' } });
    expect(f.desk.heldByRep(sessionId)).toBe(true);
    expect(await f.desk.intercept(sessionId, '我的快递呢', 5)).toEqual([]);
    expect(toAmy).toEqual([{ type: 'line', id, line: { from: 'buyer', text: '我的快递呢', at: 5, intent: null } }]);
    await f.desk.reply(id, amy, '  我帮您查一下  ');
    expect(toBuyer.at(-1)).toMatchObject({ type: 'say', name: '小美', line: { from: 'rep', text: '我帮您查一下' } });
    expect(toBob).toEqual([]);
    const history = await f.chats.history(sessionId);
    expect(history.slice(-3).map((l) => l.from)).toEqual(['system', 'buyer', 'rep']);
  });

  it('refuses actions on a chat the rep does not hold, and bad input, with stable codes', async () => {
    const f = await deskFixture();
    await f.chat(['转人工']);
    const id = f.desk.list()[0]!.id;
    await expect(f.desk.reply(id, amy, 'hi')).rejects.toMatchObject({ code: 'not_your_chat' });
    await f.desk.claim(id, amy);
    await expect(f.desk.reply(id, bob, 'hi')).rejects.toMatchObject({ code: 'not_your_chat' });
    await expect(f.desk.close(id, bob, 'resolved')).rejects.toMatchObject({ code: 'not_your_chat' });
    await expect(f.desk.reply(id, amy, '   ')).rejects.toMatchObject({ code: 'bad_input' });
    await expect(f.desk.reply(id, amy, 'x'.repeat(1001))).rejects.toMatchObject({ code: 'bad_input' });
    await expect(f.desk.close(id, amy, 'whatever')).rejects.toMatchObject({ code: 'bad_input' });
    await expect(f.desk.claim('no-such-id', amy)).rejects.toMatchObject({ code: 'handoff_not_found' });
  });

  it('closes with an outcome: the buyer is told, the bot answers again, rep tags reach the chat', async () => {
    const f = await deskFixture();
    const { sessionId } = await f.chat(['你们什么破服务，我要给差评']);
    const id = f.desk.list()[0]!.id;
    const toBuyer = listen(f.hub, buyerChannel(sessionId));
    const queue = listen(f.hub, QUEUE_CHANNEL);
    await f.desk.claim(id, amy);
    await f.desk.tag(id, amy, '待回访');
    await f.desk.tag(id, amy, '待回访');
    await f.desk.setPrivateNote(id, amy, '老客户，上次也投诉过物流');
    f.advance(4 * 60_000);
    const closed = await f.desk.close(id, amy, 'compensated');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'compensated', repTags: ['待回访'], privateNote: '老客户，上次也投诉过物流' });
    expect(toBuyer.at(-1)).toEqual({ type: 'ended' });
    expect(JSON.stringify(toBuyer.at(-2))).toContain('本次人工服务已结束');
    expect(queue.at(-1)).toEqual({ type: 'removed', id });
    expect(f.desk.list()).toEqual([]);
    expect(await f.desk.intercept(sessionId, '在吗', 9)).toBeNull();
    const chat = await f.chats.get(sessionId);
    expect(chat?.state.handoff).toBeNull();
    expect(chat?.state.tags).toEqual(expect.arrayContaining([{ tag: '待回访', source: 'rep' }]));
    // The chat can go to a person again after close: the bot decides a new handoff.
    const again = await f.bot.handle(sessionId, '还是不行，我要投诉你们');
    expect(again.decision).toMatchObject({ kind: 'handoff' });
  });

  it('survives a restart: a queued chat is still queued, a claimed one still belongs to its rep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-restart-'));
    const f = await deskFixture({ store: createLowdbHandoffStore({ dir }) });
    const waiting = await f.chat(['转人工']);
    const held = await f.chat(['快递到了盒子压坏了', '123456789012345678']);
    const heldId = f.desk.list().find((r) => r.sessionId === held.sessionId)!.id;
    await f.desk.claim(heldId, amy);
    await f.desk.stop();

    const hub = createLocalHub();
    const desk = createHandoffDesk({ store: createLowdbHandoffStore({ dir }), hub, shop: testShop(), chats: f.chats, clock: f.clock });
    await desk.load();
    expect(desk.positionOf(waiting.sessionId)).toMatchObject({ place: 1 });
    expect(desk.get(heldId)).toMatchObject({ status: 'claimed', rep: amy, note: { collected: { orderId: '123456789012345678' } } });
    expect(desk.heldByRep(held.sessionId)).toBe(true);
    await expect(desk.reply(heldId, amy, '您好，我在')).resolves.toMatchObject({ from: 'rep' });
    await expect(desk.claim(heldId, bob)).rejects.toMatchObject({ code: 'already_claimed' });
    await desk.stop();
  });
});
