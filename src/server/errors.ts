/** Stable error codes of the chat transport, each with its transport status (HTTP status, WebSocket close code). */

/** Codes sent in `error` frames; the connection stays open after these. */
export type FrameErrorCode =
  | 'bad_json' | 'bad_frame' | 'unknown_type' | 'missing_text' | 'empty_text' | 'text_too_long'
  | 'binary_frame' | 'rate_limited' | 'bot_failed';

/** Codes that end a WebSocket connection or refuse an HTTP request. */
export type FatalErrorCode =
  | 'flooding' | 'payload_too_large' | 'not_found' | 'bad_request' | 'bad_upgrade' | 'internal';

export type ErrorCode = FrameErrorCode | FatalErrorCode;

/** WebSocket close codes we use (RFC 6455 §7.4.1). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const;

/** What each code means for the transport: the HTTP status and, for fatal socket errors, the close code. */
export const TRANSPORT_STATUS: Record<ErrorCode, { http: number; close?: number }> = {
  bad_json: { http: 400 },
  bad_frame: { http: 400 },
  unknown_type: { http: 400 },
  missing_text: { http: 400 },
  empty_text: { http: 400 },
  text_too_long: { http: 413 },
  binary_frame: { http: 415 },
  rate_limited: { http: 429 },
  bot_failed: { http: 500 },
  flooding: { http: 429, close: CLOSE.policy },
  payload_too_large: { http: 413, close: CLOSE.tooBig },
  not_found: { http: 404 },
  bad_request: { http: 400 },
  bad_upgrade: { http: 400 },
  internal: { http: 500, close: CLOSE.internal },
};

/** An error that knows its stable code; thrown inside the server and turned into a frame or a response at one place. */
export class ChatError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ChatError';
    this.code = code;
  }

  /** HTTP status for this error. */
  get status(): number {
    return TRANSPORT_STATUS[this.code].http;
  }
}
