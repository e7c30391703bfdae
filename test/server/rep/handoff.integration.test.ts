import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, type TestClient } from '../helpers/client.js';
import { startFullServer, type FullServer } from './full.js';
import { login, post, repSocket } from './helpers.js';

let full: FullServer | undefined;
afterEach(async () => {
  await full?.close();
  full = undefined;
});

/** A buyer on the chat socket, past the welcome; returns the client and its chat id. */
async function buyer(f: FullServer, sessionId?: string): Promise<TestClient & { sessionId: string }> {
  const c = await connect(f.server.ws + (sessionId ? `?session=${sessionId}` : ''));
  const welcome = await c.next('welcome');
  return Object.assign(c, { sessionId: welcome.sessionId });
}

/** Sends a message and collects the turn's replies up to the one marked last. */
async function say(c: TestClient, text: string) {
  c.sendJson({ type: 'message', text });
  const replies = [];
  for (;;) {
    const r = await c.next('reply');
    replies.push(r);
    if (r.last) return replies;
  }
}

describe('handoff to a person, against the real server', () => {
  it('a buyer asks for a person; a rep sees the note, claims, they talk, the rep closes and the bot answers again', async () => {
    full = await startFullServer();
    const amy = await repSocket(full.server, await login(full.server, 'amy'));
    await amy.next('snapshot');
    const b = await buyer(full);
    await say(b, '170 60kg穿什么码');

    const handoff = await say(b, '我要找真人客服');
    expect(handoff.at(-1)).toMatchObject({ handoff: true });
    expect(handoff.map((r) => r.text).join('\n')).toMatch(/您是下一位，预计等待约 3 分钟/);

    const item = (await amy.next('upsert')).item;
    expect(item).toMatchObject({
      sessionId: b.sessionId, status: 'queued', place: 1,
      note: { reason: 'asked_for_human', reasonText: '要求转人工', buyerType: { messages: 2 }, collected: { sizeFacts: ['身高170cm', '体重60kg'] } },
    });
    expect(item.note.suggestedLine).toContain('棉屿服饰');
    expect(item.transcript.map((l) => l.text)).toContain('170 60kg穿什么码');

    amy.sendJson({ type: 'claim', id: item.id, ref: 1 });
    await amy.next('ack');
    expect(await b.next('reply')).toMatchObject({ from: 'system', text: '人工客服「小美」已接入，为您服务～', last: false });

    // The buyer's message goes to the rep, and the bot says nothing.
    b.sendJson({ type: 'message', text: '你好，我想换个颜色' });
    expect((await amy.next('line')).line).toMatchObject({ from: 'buyer', text: '你好，我想换个颜色' });
    // A slow turn may announce typing first; the turn ends with typing off and no reply.
    let typing = await b.next('typing');
    if (typing.on) typing = await b.next('typing');
    expect(typing).toEqual({ type: 'typing', on: false });

    amy.sendJson({ type: 'reply', id: item.id, text: '亲，没问题，想换哪个颜色呢？', ref: 2 });
    expect(await b.next('reply')).toMatchObject({ from: 'rep', name: '小美', text: '亲，没问题，想换哪个颜色呢？' });

    amy.sendJson({ type: 'close', id: item.id, outcome: 'exchange', ref: 3 });
    expect(await b.next('reply')).toMatchObject({ from: 'system', text: expect.stringContaining('本次人工服务已结束') });
    await amy.next('removed');

    const after = await say(b, '可以开发票吗');
    expect(after[0]).toMatchObject({ intent: 'invoice' });
    expect(after[0]!.from).toBeUndefined();

    // A reload shows the whole conversation, the rep's lines included.
    b.ws.close();
    const again = await connect(`${full.server.ws}?session=${b.sessionId}`);
    const history = await again.next('history');
    expect(history.lines.map((l) => l.from)).toEqual(expect.arrayContaining(['rep', 'system']));
    expect(history.lines.find((l) => l.from === 'rep')?.text).toBe('亲，没问题，想换哪个颜色呢？');
    again.ws.close();
    amy.ws.close();
  });

  it('an angry message and a damage report each hand off with the right reason, buyer type and pain point, most urgent first', async () => {
    full = await startFullServer();
    const amy = await repSocket(full.server, await login(full.server, 'amy'));
    await amy.next('snapshot');
    const calm = await buyer(full);
    await say(calm, '转人工');
    await amy.next('upsert');

    const angry = await buyer(full);
    await say(angry, '你们什么破服务，发货这么慢，我要给差评');
    const a = (await amy.next('upsert')).item;
    expect(a).toMatchObject({ urgency: 0, place: 1, note: { reason: 'bad_review_threat', buyerType: { angry: true } } });
    expect(a.note.buyerType.label).toContain('生气');
    expect(a.note.painPoint?.label).toBeTruthy();
    expect(a.note.suggestedLine).toMatch(/对不起|抱歉/);

    const broken = await buyer(full);
    await say(broken, '快递到了盒子压坏了');
    await say(broken, '2024061812345678');
    const d = (await amy.next('upsert')).item;
    expect(d).toMatchObject({
      urgency: 0, note: { reason: 'compensation', detail: 'damage', painPoint: { label: '包裹破损' }, collected: { orderId: '2024061812345678', photoRequested: true } },
    });

    const queue = (await (await fetch(`${full.server.http}/api/rep/queue`, { headers: { cookie: await login(full.server, 'bob') } })).json()) as { items: { sessionId: string }[] };
    expect(queue.items.map((i) => i.sessionId)).toEqual([angry.sessionId, broken.sessionId, calm.sessionId]);
    // The calm buyer, who was first, hears that they moved back.
    const update = await calm.next('reply');
    expect(update).toMatchObject({ from: 'system' });
    expect(update.text).toMatch(/排队更新：您前面还有 1 位/);
    for (const c of [calm, angry, broken, amy]) c.ws.close();
  });

  it('with no rep online, the bot says so, takes a message and a contact preference, and the next rep finds it', async () => {
    full = await startFullServer();
    const b = await buyer(full);
    const first = await say(b, '转人工');
    expect(first.at(-1)?.text).toContain('人工客服都不在线');
    const asked = await say(b, '买的裤子短了，想换长一点的');
    expect(asked.at(-1)?.text).toContain('怎么联系您');
    expect(asked.at(-1)?.quickReplies).toEqual(['就在这里回复我', '打电话给我', '旺旺联系我']);
    const done = await say(b, '打电话给我 13812345678');
    expect(done.at(-1)?.text).toContain('电话联系（13812345678）');

    const amy = await repSocket(full.server, await login(full.server, 'amy'));
    const [item] = (await amy.next('snapshot')).items;
    expect(item).toMatchObject({
      sessionId: b.sessionId, status: 'queued',
      offline: { step: 'done', message: '买的裤子短了，想换长一点的', contact: { by: 'phone', phone: '13812345678' } },
    });
    // Now that a rep is online, the waiting buyer hears an estimate.
    expect((await b.next('reply')).text).toMatch(/排队更新：您是下一位，预计还要约 3 分钟/);
    b.ws.close();
    amy.ws.close();
  });

  it('keeps queued and claimed chats through a restart: the rep still holds theirs and can talk to the buyer', async () => {
    full = await startFullServer();
    const cookie = await login(full.server, 'amy');
    const amy = await repSocket(full.server, cookie);
    await amy.next('snapshot');
    const held = await buyer(full);
    await say(held, '转人工');
    const heldItem = (await amy.next('upsert')).item;
    expect((await post(full.server, `/api/rep/handoffs/${heldItem.id}/claim`, cookie)).status).toBe(200);
    const waiting = await buyer(full);
    await say(waiting, '我要投诉');
    let upsert = await amy.next('upsert');
    while (upsert.item.sessionId !== waiting.sessionId) upsert = await amy.next('upsert');
    const waitingId = upsert.item.id;

    await full.restart();

    const amy2 = await repSocket(full.server, await login(full.server, 'amy'));
    const items = (await amy2.next('snapshot')).items;
    expect(items.find((i) => i.id === waitingId)).toMatchObject({ status: 'queued', place: 1 });
    expect(items.find((i) => i.id === heldItem.id)).toMatchObject({ status: 'claimed', rep: { user: 'amy', name: '小美' } });
    const bob = await login(full.server, 'bob');
    expect((await post(full.server, `/api/rep/handoffs/${heldItem.id}/claim`, bob)).body.error?.code).toBe('already_claimed');

    const back = await buyer(full, held.sessionId);
    amy2.sendJson({ type: 'reply', id: heldItem.id, text: '我还在，您接着说', ref: 1 });
    expect(await back.next('reply')).toMatchObject({ from: 'rep', text: '我还在，您接着说' });
    expect((await amy2.next('line')).line).toMatchObject({ from: 'rep' });
    back.sendJson({ type: 'message', text: '好的' });
    expect((await amy2.next('line')).line).toMatchObject({ from: 'buyer', text: '好的' });
    for (const c of [amy, amy2, back, held, waiting]) c.ws.close();
  });

  it('keeps a buyer to their own chat: no rep lines of other chats, no acting as a rep', async () => {
    full = await startFullServer();
    const amy = await repSocket(full.server, await login(full.server, 'amy'));
    await amy.next('snapshot');
    const a = await buyer(full);
    const other = await buyer(full);
    await say(a, '转人工');
    const id = (await amy.next('upsert')).item.id;
    amy.sendJson({ type: 'claim', id });
    await amy.next('ack');
    amy.sendJson({ type: 'reply', id, text: '只给 A 的话' });
    expect(await a.next('reply')).toMatchObject({ from: 'system' });
    expect(await a.next('reply')).toMatchObject({ from: 'rep', text: '只给 A 的话' });
    await expect(other.next('reply', 300)).rejects.toThrow(/no reply/);

    // Rep frames on the buyer socket are refused, and the rep socket refuses a buyer without a rep session.
    other.sendJson({ type: 'reply', id, text: '我是客服' });
    expect(await other.next('error')).toMatchObject({ code: 'unknown_type' });
    other.sendJson({ type: 'claim', id });
    expect(await other.next('error')).toMatchObject({ code: 'unknown_type' });
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(full!.server.ws.replace('/ws/chat', '/ws/rep'));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => {});
    });
    expect(status).toBe(401);
    expect(full.wired.handoff.desk.get(id)?.transcript.some((l) => l.text === '我是客服')).toBe(false);
    for (const c of [a, other, amy]) c.ws.close();
  });
});
