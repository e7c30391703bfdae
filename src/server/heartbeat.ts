/** Finds dead connections: ping every interval, terminate any socket that has not answered since the last ping. */
import type { WebSocket } from 'ws';

/** Handle of a running heartbeat. */
export interface Heartbeat {
  /** Starts watching a socket; it counts as alive on pong and on any message. */
  track(ws: WebSocket): void;
  /** Clears the timer; sockets are left alone. */
  stop(): void;
}

/** Starts one timer for all sockets in `clients` (the server's live set). */
export function startHeartbeat(clients: Set<WebSocket>, intervalMs: number): Heartbeat {
  const alive = new WeakSet<WebSocket>();
  const timer = setInterval(function heartbeatTick() {
    for (const ws of clients) {
      if (!alive.has(ws)) {
        // No pong and no message for a whole interval: the peer is gone or stuck; free the socket now.
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    track(ws) {
      alive.add(ws);
      const markAlive = () => alive.add(ws);
      ws.on('pong', markAlive);
      ws.on('message', markAlive);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
