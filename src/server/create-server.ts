/** Builds the chat server: express for the widget and demo page, ws on /ws/chat. Does not listen. */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type Express } from 'express';
import { WebSocketServer } from 'ws';
import type { Bot } from '../bot/types.js';
import { handleChatSocket, type LiveFeed } from './chat-socket.js';
import { resolveConfig, type ServerOptions } from './config.js';
import { ChatError } from './errors.js';
import { startHeartbeat } from './heartbeat.js';
import type { ServerExtension } from './extension.js';
import { errorHandler, notFound, refuseUpgrade } from './http-errors.js';

/** The path buyers connect to. */
export const CHAT_PATH = '/ws/chat';

/** What createServer() needs: the bot to talk to, optional settings, clock and logger. */
export interface CreateServerOptions {
  bot: Bot;
  config?: ServerOptions;
  /** Epoch milliseconds; frames' `at` and the rate limiter read it. */
  clock?: () => number;
  log?: (message: string, err?: unknown) => void;
  /** Feature modules (staff login, rep console …): their routes mount before the static files. */
  extensions?: ServerExtension[];
  /** Pushes to a buyer's socket outside its turns (a rep's replies after a handoff). */
  live?: LiveFeed;
}

/** A built, not yet listening, chat server. */
export interface ChatServer {
  server: http.Server;
  app: Express;
  /** Stops the heartbeat, terminates every socket and closes the HTTP server. */
  close(): Promise<void>;
}

function defaultLog(message: string, err?: unknown): void {
  console.error(`[server] ${message}`, err ?? '');
}

/** Creates the HTTP + WebSocket server around a bot. */
export function createServer(options: CreateServerOptions): ChatServer {
  const { bot, clock = Date.now, log = defaultLog, extensions = [], live } = options;
  const config = resolveConfig(options.config);
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  for (const ext of extensions) ext.mount?.(app);
  app.use(express.static(config.publicDir, { maxAge: '5m' }));
  app.use(notFound);
  app.use(errorHandler(log));

  const server = http.createServer(app);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayload });
  const routes = extensions.flatMap((ext) => ext.sockets ?? []);
  // Feature sockets share the payload limit but get their own client set, so close() can end them too.
  const extWss = routes.map(() => new WebSocketServer({ noServer: true, maxPayload: config.maxPayload }));
  const heartbeat = startHeartbeat(wss.clients, config.heartbeatMs);
  const extHeartbeats = extWss.map((w) => startHeartbeat(w.clients, config.heartbeatMs));

  server.on('upgrade', function chatUpgrade(req, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const i = routes.findIndex((r) => r.path === path);
    const route = routes[i];
    const routeWss = extWss[i];
    if (route && routeWss) {
      const refusal = route.authorize?.(req);
      if (refusal) return refuseUpgrade(socket, refusal);
      routeWss.handleUpgrade(req, socket, head, (ws) => {
        extHeartbeats[i]!.track(ws);
        ws.on('error', (err) => log(`socket error on ${path}`, err));
        route.handle(ws, req);
      });
      return;
    }
    if (path !== CHAT_PATH) return refuseUpgrade(socket, new ChatError('not_found', `no WebSocket at ${path}`));
    // handleUpgrade answers malformed handshakes (bad key, version, method) with 400 itself.
    wss.handleUpgrade(req, socket, head, (ws) => {
      heartbeat.track(ws);
      handleChatSocket(ws, req, { bot, rateLimit: config.rateLimit, typingDelayMs: config.typingDelayMs, clock, log, ...(live ? { live } : {}) });
    });
  });

  async function close(): Promise<void> {
    for (const hb of [heartbeat, ...extHeartbeats]) hb.stop();
    for (const w of [wss, ...extWss]) {
      for (const ws of w.clients) ws.terminate();
      await new Promise<void>((resolve) => w.close(() => resolve()));
    }
    for (const ext of extensions) await ext.close?.();
    await new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  return { server, app, close };
}
