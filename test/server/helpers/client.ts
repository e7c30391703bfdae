/** A real `ws` client for tests that reads frames in order and reports how the connection closed. */
import WebSocket, { type ClientOptions } from 'ws';
import type { ServerFrame } from '../../../src/server/protocol.js';

/** A connected test client. */
export interface TestClient {
  ws: WebSocket;
  /** Next frame not yet read (optionally: the next one of that type, skipping others), or rejects after `ms`. */
  next<T extends ServerFrame['type']>(type?: T, ms?: number): Promise<Extract<ServerFrame, { type: T }>>;
  sendJson(value: unknown): void;
  /** Resolves with the close code and reason once the socket is closed. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Connects and waits for the socket to open. */
export async function connect(url: string, options: ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, options);
  const queue: ServerFrame[] = [];
  let wake: (() => void) | null = null;
  ws.on('message', (data, isBinary) => {
    if (isBinary) throw new Error('server sent a binary frame');
    queue.push(JSON.parse(data.toString()) as ServerFrame);
    wake?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => {});

  async function next(type?: string, ms = 5000): Promise<ServerFrame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = type === undefined ? (queue.length > 0 ? 0 : -1) : queue.findIndex((f) => f.type === type);
      if (i >= 0) return queue.splice(type === undefined ? 0 : i, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type ?? 'frame'} within ${ms} ms; have ${JSON.stringify(queue)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        wake = () => { clearTimeout(t); wake = null; resolve(); };
      });
    }
  }

  return {
    ws,
    next: next as TestClient['next'],
    sendJson: (value) => ws.send(JSON.stringify(value)),
    closed,
  };
}
