import { afterEach, describe, expect, test } from 'vitest';
import { MAX_TEXT_CHARS } from '../../src/server/protocol.js';
import { connect, type TestClient } from './helpers/client.js';
import { createFakeBot } from './helpers/fake-bot.js';
import { startServer, type Started } from './helpers/start.js';

let server: Started;
afterEach(async () => {
  await server?.close();
});

async function open(options: Parameters<typeof startServer>[1] = {}): Promise<TestClient> {
  server = await startServer(createFakeBot(), options);
  const client = await connect(server.ws);
  await client.next('welcome');
  return client;
}

async function expectStillUsable(client: TestClient): Promise<void> {
  client.sendJson({ type: 'message', text: '还在吗' });
  expect(await client.next('reply')).toMatchObject({ text: 'echo: 还在吗', last: true });
}

describe('chat socket, happy path', () => {
  test('a new buyer gets a welcome with an unguessable session id, the greeting and quick replies', async () => {
    server = await startServer(createFakeBot());
    const client = await connect(server.ws);
    const welcome = await client.next();
    expect(welcome).toMatchObject({ type: 'welcome', resumed: false, text: '亲，欢迎光临，有什么可以帮您？', quickReplies: ['尺码', '发货'] });
    if (welcome.type !== 'welcome') throw new Error('first frame must be the welcome');
    expect(welcome.sessionId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(typeof welcome.at).toBe('number');
  });

  test('a fast answer comes as the reply alone, marked last', async () => {
    const client = await open();
    client.sendJson({ type: 'message', text: '有黑色吗' });
    expect(await client.next()).toMatchObject({ type: 'reply', text: 'echo: 有黑色吗', intent: null, quickReplies: [], last: true });
  });

  test('a slow answer is announced by a typing frame first', async () => {
    const client = await open({ config: { typingDelayMs: 50 } });
    client.sendJson({ type: 'message', text: 'slow' });
    expect(await client.next()).toEqual({ type: 'typing', on: true });
    expect(await client.next()).toMatchObject({ type: 'reply', text: 'echo: slow', last: true });
  });

  test('a turn with two replies marks only the second as last', async () => {
    const client = await open();
    client.sendJson({ type: 'message', text: 'twice' });
    expect(await client.next('reply')).toMatchObject({ text: 'echo: twice', last: false });
    expect(await client.next('reply')).toMatchObject({ text: 'second', last: true });
  });

  test('a turn with no reply switches typing off again', async () => {
    const client = await open();
    client.sendJson({ type: 'message', text: 'silent' });
    expect(await client.next()).toEqual({ type: 'typing', on: false });
    await expectStillUsable(client);
  });

  test('messages sent back to back are answered in the order sent', async () => {
    const client = await open();
    for (const t of ['一', '二', '三']) client.sendJson({ type: 'message', text: t });
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((await client.next('reply')).text);
    expect(texts).toEqual(['echo: 一', 'echo: 二', 'echo: 三']);
  });
});

describe('chat socket, bad input gets an error frame and the connection stays usable', () => {
  const cases: Array<[string, string, (c: TestClient) => void]> = [
    ['broken JSON', 'bad_json', (c) => c.ws.send('{"type":"message","text":')],
    ['a frame that is not an object', 'bad_frame', (c) => c.ws.send('[1,2,3]')],
    ['an unknown type', 'unknown_type', (c) => c.sendJson({ type: 'order', text: 'hi' })],
    ['a message without text', 'missing_text', (c) => c.sendJson({ type: 'message' })],
    ['a message with empty text', 'empty_text', (c) => c.sendJson({ type: 'message', text: '   ' })],
    ['text over the limit', 'text_too_long', (c) => c.sendJson({ type: 'message', text: 'x'.repeat(MAX_TEXT_CHARS + 1) })],
    ['a binary frame', 'binary_frame', (c) => c.ws.send(Buffer.from([1, 2, 3]), { binary: true })],
  ];
  for (const [what, code, sendIt] of cases) {
    test(`${what} gets ${code}`, async () => {
      const client = await open();
      sendIt(client);
      const error = await client.next();
      expect(error).toMatchObject({ type: 'error', code });
      if (error.type === 'error') expect(error.message).not.toBe('');
      await expectStillUsable(client);
    });
  }

  test('a bot failure gets bot_failed and the next message is answered', async () => {
    const client = await open();
    client.sendJson({ type: 'message', text: 'boom' });
    expect(await client.next('error')).toMatchObject({ code: 'bot_failed' });
    await expectStillUsable(client);
    expect(server.logs.some((l) => l.includes('fake bot failure'))).toBe(true);
  });
});

describe('chat socket, limits', () => {
  test('a frame over the payload limit closes the connection with 1009', async () => {
    const client = await open({ config: { maxPayload: 1024 } });
    client.ws.send(JSON.stringify({ type: 'message', text: 'x'.repeat(2000) }));
    expect((await client.closed).code).toBe(1009);
  });

  test('a text just under the payload limit is still judged by the text limit, not closed', async () => {
    const client = await open();
    client.sendJson({ type: 'message', text: '好'.repeat(MAX_TEXT_CHARS * 2) });
    expect(await client.next('error')).toMatchObject({ code: 'text_too_long' });
    await expectStillUsable(client);
  });

  test('a flood is refused with rate_limited frames, then closed with 1008', async () => {
    const frozen = () => 1_000_000;
    const client = await open({ clock: frozen, config: { rateLimit: { burst: 3, perSecond: 1, strikes: 2 } } });
    for (let i = 0; i < 6; i++) client.sendJson({ type: 'message', text: `m${i}` });
    const closed = await client.closed;
    expect(closed).toEqual({ code: 1008, reason: 'flooding' });
    const frames = [];
    for (;;) {
      const f = await client.next(undefined, 100).catch(() => null);
      if (!f) break;
      frames.push(f);
    }
    expect(frames.filter((f) => f.type === 'error').map((f) => f.type === 'error' && f.code)).toEqual(['rate_limited', 'rate_limited']);
  });

  test('a buyer under the rate limit is never refused', async () => {
    let now = 0;
    const client = await open({ clock: () => now, config: { rateLimit: { burst: 2, perSecond: 1, strikes: 1 } } });
    for (let i = 0; i < 6; i++) {
      now += 1000;
      client.sendJson({ type: 'message', text: `m${i}` });
      expect(await client.next('reply')).toMatchObject({ text: `echo: m${i}` });
    }
  });
});
