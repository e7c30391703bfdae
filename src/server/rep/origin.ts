/** Refuses cross-site use of a rep's cookie: a browser always sends Origin on WebSocket upgrades and POSTs. */
import type { IncomingMessage } from 'node:http';

/** True when there is no Origin (not a browser) or it names this very host. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
