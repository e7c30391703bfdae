/** The one place HTTP errors become responses: JSON `{ error: { code, message } }` with the code's status. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ChatError, TRANSPORT_STATUS } from './errors.js';

/** Turns unmatched routes into a `not_found` error. */
export const notFound: RequestHandler = function notFound(req, _res, next) {
  next(new ChatError('not_found', `no route for ${req.method} ${req.path}`));
};

/** Central error handler: known errors keep their code, anything else is `internal` and logged. */
export function errorHandler(log: (message: string, err?: unknown) => void): ErrorRequestHandler {
  return function handleHttpError(err: unknown, _req, res, _next) {
    const known = err instanceof ChatError ? err : null;
    // express.static and body parsers attach a 4xx `status`; keep those as client errors.
    const status = known?.status ?? (typeof (err as { status?: unknown })?.status === 'number'
      ? (err as { status: number }).status : 500);
    if (!known && status >= 500) log('http request failed', err);
    const code = known?.code ?? (status === 404 ? 'not_found' : status < 500 ? 'bad_request' : 'internal');
    const message = known?.message ?? (status < 500 ? String((err as Error).message ?? 'bad request') : 'internal error');
    res.status(status).json({ error: { code, message } });
  };
}

/** Refuses a WebSocket upgrade on the raw socket (before any WebSocket exists) with an HTTP status and code. */
export function refuseUpgrade(socket: Duplex, err: ChatError | { status: number; code: string; message?: string }): void {
  const status = err instanceof ChatError ? TRANSPORT_STATUS[err.code].http : err.status;
  const message = err.message ?? err.code;
  const body = JSON.stringify({ error: { code: err.code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
