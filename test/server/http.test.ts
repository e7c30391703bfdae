import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeBot } from './helpers/fake-bot.js';
import { startServer, type Started } from './helpers/start.js';

let server: Started;
beforeAll(async () => {
  server = await startServer(createFakeBot());
});
afterAll(async () => {
  await server.close();
});

/** Sends raw bytes and returns the whole HTTP answer (the server closes after refusing). */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(server.http);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('HTTP', () => {
  test('the demo storefront page at / carries the widget script tag', async () => {
    const res = await fetch(`${server.http}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<script src="\/widget\.js"[^>]*><\/script>/);
  });

  test('the widget script and its stylesheet are served', async () => {
    const js = await fetch(`${server.http}/widget.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const css = await fetch(`${server.http}/widget.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  test('an unknown path is a JSON 404 with code not_found', async () => {
    const res = await fetch(`${server.http}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  test('a WebSocket upgrade on another path is refused with 404 and code not_found', async () => {
    const answer = await raw(
      'GET /ws/other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect(answer).toContain('"code":"not_found"');
  });

  test('a malformed upgrade on the chat path is refused with 400', async () => {
    const answer = await raw(
      'GET /ws/chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });
});
