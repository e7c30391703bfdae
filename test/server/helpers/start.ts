/** Starts the real chat server on a free loopback port for a test and returns its addresses. */
import type { AddressInfo, Socket } from 'node:net';
import type { Bot } from '../../../src/bot/types.js';
import { createServer, type CreateServerOptions } from '../../../src/server/create-server.js';

/** A listening server under test. */
export interface Started {
  http: string;
  ws: string;
  logs: string[];
  /** Cuts every open TCP connection at once, as a network drop would (no close frame). */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Listens on port 0; server logs go to `logs` instead of stderr. */
export async function startServer(bot: Bot, options: Omit<CreateServerOptions, 'bot'> = {}): Promise<Started> {
  const logs: string[] = [];
  const chat = createServer({ bot, log: (m, e) => logs.push(`${m}: ${String(e)}`), ...options });
  const sockets = new Set<Socket>();
  chat.server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => chat.server.listen(0, '127.0.0.1', resolve));
  const { port } = chat.server.address() as AddressInfo;
  return {
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws/chat`,
    logs,
    dropConnections: () => { for (const s of sockets) s.destroy(); },
    close: chat.close,
  };
}
