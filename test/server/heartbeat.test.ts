import { afterEach, describe, expect, test } from 'vitest';
import { connect } from './helpers/client.js';
import { createFakeBot } from './helpers/fake-bot.js';
import { startServer, type Started } from './helpers/start.js';

let server: Started;
afterEach(async () => {
  await server?.close();
});

describe('heartbeat', () => {
  test('a client that never answers pings is terminated', async () => {
    server = await startServer(createFakeBot(), { config: { heartbeatMs: 50 } });
    const silent = await connect(server.ws, { autoPong: false });
    let pings = 0;
    silent.ws.on('ping', () => pings++);
    // Terminated, not closed: no close frame, so the client sees 1006.
    expect((await silent.closed).code).toBe(1006);
    expect(pings).toBeGreaterThanOrEqual(1);
  });

  test('a client that answers pings stays connected across many intervals', async () => {
    server = await startServer(createFakeBot(), { config: { heartbeatMs: 30 } });
    const live = await connect(server.ws);
    let pings = 0;
    live.ws.on('ping', () => pings++);
    while (pings < 6) await new Promise((r) => setTimeout(r, 20));
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    live.sendJson({ type: 'message', text: '在吗' });
    expect(await live.next('reply')).toMatchObject({ text: 'echo: 在吗' });
  });
});

describe('close()', () => {
  test('terminates connected sockets and stops listening', async () => {
    const started = await startServer(createFakeBot(), { config: { heartbeatMs: 20 } });
    const client = await connect(started.ws);
    await started.close();
    expect((await client.closed).code).toBe(1006);
    await expect(connect(started.ws)).rejects.toThrow(/ECONNREFUSED/);
  });
});
