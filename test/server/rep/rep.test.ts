import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buyerChannel } from '../../../src/bot/handoff/hub.js';
import { deskFixture, listen } from '../../bot/handoff/helpers.js';
import type { Started } from '../helpers/start.js';
import { login, post, repSocket, startRepServer } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup() {
  const f = await deskFixture();
  server = await startRepServer(f.bot, f.desk, f.hub);
  return { f, server };
}

function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => { ws.close(); resolve(101); });
    ws.on('error', () => {});
  });
}

describe('rep endpoints need a rep session', () => {
  it('answers 401 without a session and 403 for staff who are not reps, on HTTP and on the socket', async () => {
    const { server } = await setup();
    const repWs = server.ws.replace('/ws/chat', '/ws/rep');
    expect((await fetch(`${server.http}/api/rep/queue`)).status).toBe(401);
    expect((await post(server, '/api/rep/handoffs/x/claim', '')).body.error?.code).toBe('unauthorized');
    expect(await upgradeStatus(repWs)).toBe(401);
    expect(await upgradeStatus(repWs, { cookie: 'kefu_staff=forged-token' })).toBe(401);
    const tina = await login(server, 'tina');
    expect((await fetch(`${server.http}/api/rep/queue`, { headers: { cookie: tina } })).status).toBe(403);
    expect(await upgradeStatus(repWs, { cookie: tina })).toBe(401);
    const amy = await login(server, 'amy');
    expect(await upgradeStatus(repWs, { cookie: amy })).toBe(101);
  });

  it('refuses a rep cookie used from another site, on the socket and on actions', async () => {
    const { server } = await setup();
    const amy = await login(server, 'amy');
    expect(await upgradeStatus(server.ws.replace('/ws/chat', '/ws/rep'), { cookie: amy, origin: 'https://evil.example' })).toBe(403);
    const res = await fetch(`${server.http}/api/rep/queue`, { headers: { cookie: amy, origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
  });

  it('serves the canned replies from data/ and the console page', async () => {
    const { server } = await setup();
    const amy = await login(server, 'amy');
    const canned = (await (await fetch(`${server.http}/api/rep/canned`, { headers: { cookie: amy } })).json()) as { replies: { group: string }[] };
    expect(canned.replies.map((r) => r.group)).toEqual(expect.arrayContaining(['开场', '安抚', '售后', '结束']));
    const page = await fetch(`${server.http}/console.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('人工客服台');
  });
});

describe('the rep socket', () => {
  it('shows a new handoff live with its note, lets one rep claim it and relays both ways', async () => {
    const { f, server } = await setup();
    const amy = await repSocket(server, await login(server, 'amy'));
    const bob = await repSocket(server, await login(server, 'bob'));
    expect(await amy.next('hello')).toMatchObject({ user: 'amy', name: '小美' });
    expect((await amy.next('snapshot')).items).toEqual([]);
    await bob.next('snapshot');

    const { sessionId } = await f.chat(['快递到了盒子压坏了', '123456789012345678']);
    const shown = (await amy.next('upsert')).item;
    expect(shown).toMatchObject({
      sessionId, status: 'queued', place: 1, urgency: 0,
      note: { reason: 'compensation', painPoint: { label: '包裹破损' }, collected: { orderId: '123456789012345678', photoRequested: true } },
    });
    expect((await bob.next('upsert')).item.id).toBe(shown.id);

    amy.sendJson({ type: 'claim', id: shown.id, ref: 1 });
    expect(await amy.next('ack')).toEqual({ type: 'ack', ref: 1, action: 'claim', id: shown.id });
    const taken = await post(server, `/api/rep/handoffs/${shown.id}/claim`, await login(server, 'bob'));
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('already_claimed');
    expect((await bob.next('upsert')).item).toMatchObject({ status: 'claimed', rep: { user: 'amy' } });

    const buyer = listen(f.hub, buyerChannel(sessionId));
    amy.sendJson({ type: 'reply', id: shown.id, text: '亲，照片收到了吗？', ref: 2 });
    expect((await amy.next('line')).line).toMatchObject({ from: 'rep', text: '亲，照片收到了吗？' });
    await amy.next('ack');
    expect(buyer).toEqual([expect.objectContaining({ type: 'say', name: '小美', line: expect.objectContaining({ from: 'rep' }) })]);

    await f.desk.intercept(sessionId, '<img src=x onerror=alert(1)>', 7);
    expect((await amy.next('line')).line).toEqual({ from: 'buyer', text: '<img src=x onerror=alert(1)>', at: 7, intent: null });
    await expect(bob.next('line', 300)).rejects.toThrow(/no line/);

    amy.sendJson({ type: 'close', id: shown.id, outcome: 'resend', ref: 3 });
    expect(await bob.next('removed')).toEqual({ type: 'removed', id: shown.id });
    expect(await amy.next('ack')).toMatchObject({ ref: 3, action: 'close' });
    amy.ws.close();
    bob.ws.close();
  });

  it('answers bad frames and refused actions with error codes and stays open', async () => {
    const { f, server } = await setup();
    await f.chat(['转人工']);
    const amy = await repSocket(server, await login(server, 'amy'));
    const id = (await amy.next('snapshot')).items[0]!.id;
    amy.ws.send('{oops');
    expect(await amy.next('error')).toMatchObject({ code: 'bad_json' });
    amy.sendJson({ type: 'become_buyer', id });
    expect(await amy.next('error')).toMatchObject({ code: 'unknown_type' });
    amy.sendJson({ type: 'reply', id });
    expect(await amy.next('error')).toMatchObject({ code: 'bad_frame' });
    amy.sendJson({ type: 'reply', id, text: 'hi', ref: 9 });
    expect(await amy.next('error')).toMatchObject({ code: 'not_your_chat', ref: 9 });
    amy.sendJson({ type: 'claim', id: 'nope', ref: 10 });
    expect(await amy.next('error')).toMatchObject({ code: 'handoff_not_found', ref: 10 });
    expect(amy.ws.readyState).toBe(WebSocket.OPEN);
    amy.ws.close();
  });

  it('closes an open rep socket on its next action once the rep logged out', async () => {
    const { f, server } = await setup();
    await f.chat(['转人工']);
    const cookie = await login(server, 'amy');
    const amy = await repSocket(server, cookie);
    const id = (await amy.next('snapshot')).items[0]!.id;
    await post(server, '/api/logout', cookie);
    amy.sendJson({ type: 'claim', id });
    expect(await amy.closed).toEqual({ code: 1008, reason: 'session ended' });
    expect(f.desk.get(id)?.status).toBe('queued');
  });

  it('counts reps online and tells waiting consoles when one leaves', async () => {
    const { f, server } = await setup();
    const amy = await repSocket(server, await login(server, 'amy'));
    expect((await amy.next('hello')).online).toBe(1);
    const bob = await repSocket(server, await login(server, 'bob'));
    expect(await amy.next('presence')).toEqual({ type: 'presence', online: 2 });
    bob.ws.close();
    expect(await amy.next('presence')).toEqual({ type: 'presence', online: 1 });
    expect(f.desk.repsOnline()).toBe(1);
    amy.ws.close();
  });
});

describe('rep HTTP actions', () => {
  it('claims, replies, tags, notes and closes over HTTP with the same rules as the socket', async () => {
    const { f, server } = await setup();
    await f.chat(['转人工']);
    const amy = await login(server, 'amy');
    const queue = (await (await fetch(`${server.http}/api/rep/queue`, { headers: { cookie: amy } })).json()) as { items: { id: string }[] };
    const id = queue.items[0]!.id;
    expect((await post(server, `/api/rep/handoffs/${id}/claim`, amy)).status).toBe(200);
    expect((await post(server, `/api/rep/handoffs/${id}/reply`, amy, { text: '您好' })).status).toBe(200);
    expect((await post(server, `/api/rep/handoffs/${id}/reply`, amy, { text: 42 })).body.error?.code).toBe('bad_input');
    expect((await post(server, `/api/rep/handoffs/${id}/tags`, amy, { tag: '母婴' })).status).toBe(200);
    expect((await post(server, `/api/rep/handoffs/${id}/note`, amy, { text: '要回访' })).status).toBe(200);
    const one = (await (await fetch(`${server.http}/api/rep/handoffs/${id}`, { headers: { cookie: amy } })).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ repTags: ['母婴'], privateNote: '要回访', status: 'claimed' });
    const bob = await login(server, 'bob');
    expect((await post(server, `/api/rep/handoffs/${id}/close`, bob, { outcome: 'resolved' })).status).toBe(403);
    expect((await post(server, `/api/rep/handoffs/${id}/close`, amy, { outcome: 'resolved' })).status).toBe(200);
    expect((await fetch(`${server.http}/api/rep/handoffs/${id}`, { headers: { cookie: amy } })).status).toBe(404);
  });
});
