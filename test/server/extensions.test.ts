import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { ServerExtension } from '../../src/server/extension.js';
import { createFakeBot } from './helpers/fake-bot.js';
import { startServer, type Started } from './helpers/start.js';

let server: Started;
afterEach(async () => {
  await server?.close();
});

function pingExtension(closed: string[]): ServerExtension {
  return {
    name: 'ping',
    mount(app) {
      app.get('/api/ping', (_req, res) => {
        res.json({ pong: true });
      });
    },
    sockets: [{
      path: '/ws/staff',
      authorize: (req) => (req.headers.authorization === 'Bearer ok' ? null : { status: 401, code: 'not_signed_in' }),
      handle: (ws) => ws.on('message', (d) => ws.send(`staff:${d.toString()}`)),
    }],
    close: async () => {
      closed.push('ping');
    },
  };
}

describe('server extensions', () => {
  test('an extension route is served, and unknown paths are still a JSON 404', async () => {
    server = await startServer(createFakeBot(), { extensions: [pingExtension([])] });
    expect(await (await fetch(`${server.http}/api/ping`)).json()).toEqual({ pong: true });
    expect((await fetch(`${server.http}/api/nope`)).status).toBe(404);
  });

  test('an extension socket refuses an unauthorised upgrade with its status and accepts an authorised one', async () => {
    server = await startServer(createFakeBot(), { extensions: [pingExtension([])] });
    const url = server.ws.replace('/ws/chat', '/ws/staff');
    const refused = new WebSocket(url);
    const status = await new Promise<number>((resolve) => refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);

    const staff = new WebSocket(url, { headers: { authorization: 'Bearer ok' } });
    await new Promise((resolve) => staff.once('open', resolve));
    staff.send('hi');
    const reply = await new Promise<string>((resolve) => staff.once('message', (d) => resolve(d.toString())));
    expect(reply).toBe('staff:hi');
    staff.close();
  });

  test('close() closes every extension and its sockets', async () => {
    const closed: string[] = [];
    server = await startServer(createFakeBot(), { extensions: [pingExtension(closed)] });
    const staff = new WebSocket(server.ws.replace('/ws/chat', '/ws/staff'), { headers: { authorization: 'Bearer ok' } });
    await new Promise((resolve) => staff.once('open', resolve));
    const gone = new Promise((resolve) => staff.once('close', resolve));
    await server.close();
    await gone;
    expect(closed).toEqual(['ping']);
  });
});
