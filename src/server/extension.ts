/** How feature modules (rep console, trainer page, marketing page) plug into the server without editing it. */
import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';
import type { WebSocket } from 'ws';

/** A WebSocket endpoint a feature adds; `authorize` runs before the upgrade and may refuse it. */
export interface SocketRoute {
  path: string;
  /** Returns null to accept, or an HTTP status and code to refuse the upgrade with. */
  authorize?(req: IncomingMessage): { status: number; code: string } | null;
  handle(ws: WebSocket, req: IncomingMessage): void;
}

/** A feature mounted on the server: HTTP routes, WebSocket routes, and what to stop on close. */
export interface ServerExtension {
  name: string;
  /** Adds routes to the app; called before the static files and the 404 handler. */
  mount?(app: Express): void;
  sockets?: SocketRoute[];
  close?(): Promise<void>;
}
