import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type TestClient } from './helpers/client.js';
import { createRealBot, type RealBot } from './helpers/real-bot.js';
import { startServer, type Started } from './helpers/start.js';

let real: RealBot;
let server: Started;
beforeAll(async () => {
  real = await createRealBot();
  server = await startServer(real.bot);
});
afterAll(async () => {
  await server?.close();
  await real?.close();
});

async function newChat(query = ''): Promise<{ client: TestClient; sessionId: string; resumed: boolean }> {
  const client = await connect(server.ws + query);
  const welcome = await client.next('welcome');
  return { client, sessionId: welcome.sessionId, resumed: welcome.resumed };
}

async function ask(client: TestClient, text: string) {
  client.sendJson({ type: 'message', text });
  return client.next('reply');
}

describe('chat over the socket with the real bot', () => {
  test('the greeting names the store and offers the top questions as quick replies', async () => {
    const client = await connect(server.ws);
    const welcome = await client.next('welcome');
    expect(welcome.text).toContain('棉屿');
    expect(welcome.quickReplies).toContain('怎么选尺码');
    client.ws.close();
  });

  test('a quick reply is answered with its intent, and a size question with the fitting size', async () => {
    const { client } = await newChat();
    expect(await ask(client, '怎么选尺码')).toMatchObject({ intent: 'size', last: true });
    const sized = await ask(client, '170/60kg穿什么码');
    expect(sized.intent).toBe('size');
    expect(sized.text).toMatch(/M ?码/);
    client.ws.close();
  });

  test('a new chat opened with ?buyer= keeps the buyer id, so a returning buyer is known; a malformed one is replaced', async () => {
    const first = await connect(server.ws);
    const { buyerId } = await first.next('welcome');
    expect(buyerId).toMatch(/^[0-9a-f-]{36}$/);
    first.ws.close();
    const second = await connect(`${server.ws}?buyer=${buyerId}`);
    const welcome = await second.next('welcome');
    expect(welcome).toMatchObject({ buyerId, resumed: false });
    second.ws.close();
    const forged = await connect(`${server.ws}?buyer=not-a-buyer`);
    expect((await forged.next('welcome')).buyerId).not.toBe('not-a-buyer');
    forged.ws.close();
  });

  test('reconnecting with ?session= resumes the chat and sends its history', async () => {
    const { client, sessionId } = await newChat();
    await ask(client, '什么时候发货');
    client.ws.close();
    await client.closed;

    const again = await connect(`${server.ws}?session=${sessionId}`);
    expect(await again.next('welcome')).toMatchObject({ sessionId, resumed: true });
    const history = await again.next('history');
    expect(history.lines.map((l) => l.from)).toEqual(['bot', 'buyer', 'bot']);
    expect(history.lines[1]).toMatchObject({ from: 'buyer', text: '什么时候发货' });
    again.ws.close();
  });

  test('a well-formed but unknown session id starts a new chat with a new id and no history', async () => {
    const stranger = randomUUID();
    const { client, sessionId, resumed } = await newChat(`?session=${stranger}`);
    expect(resumed).toBe(false);
    expect(sessionId).not.toBe(stranger);
    client.sendJson({ type: 'message', text: '在吗' });
    // The frame after the welcome is the answer, not a history.
    expect((await client.next()).type).toBe('reply');
    client.ws.close();
  });

  test('malformed session ids start a new chat', async () => {
    for (const bad of ['../../etc/passwd', "1' OR '1'='1", 'x'.repeat(300), '']) {
      const { client, resumed } = await newChat(`?session=${encodeURIComponent(bad)}`);
      expect(resumed).toBe(false);
      client.ws.close();
    }
  });

  test('each buyer sees only their own conversation', async () => {
    const a = await newChat();
    const b = await newChat();
    await ask(a.client, '我的订单号是1234567890123456 地址填错了');
    await ask(b.client, '有优惠券吗');
    a.client.ws.close();
    b.client.ws.close();

    const bAgain = await connect(`${server.ws}?session=${b.sessionId}`);
    const texts = (await bAgain.next('history')).lines.map((l) => l.text).join('\n');
    expect(texts).toContain('有优惠券吗');
    expect(texts).not.toContain('1234567890123456');
    bAgain.ws.close();
  });

  test('session ids are random UUIDs, distinct for every new chat', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { client, sessionId } = await newChat();
      expect(sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(sessionId);
      client.ws.close();
    }
    expect(ids.size).toBe(20);
  });
});
