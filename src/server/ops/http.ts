/** Small HTTP helpers of the operations routes: query numbers, and marketing errors as JSON with their status. */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { MarketingError, type MarketingErrorCode } from '../../bot/marketing/index.js';
import { sameOrigin } from '../rep/origin.js';

const STATUS: Record<MarketingErrorCode, number> = {
  bad_tag: 400, bad_segment: 400, bad_export: 400, unknown_buyer: 404, not_tagged: 404, not_due: 409,
};

/** A whole number from the query string within [min, max], the fallback when absent; `bad_request` otherwise. */
export function queryInt(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return fallback;
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'bad_request', `${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A text parameter from the query string (the last one when repeated), or undefined. */
export function queryText(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  const value = Array.isArray(raw) ? raw.at(-1) : raw;
  return typeof value === 'string' ? value : undefined;
}

/** Refuses a staff cookie used from another site (SameSite already stops most browsers; this stops the rest). */
export const refuseCrossSite: RequestHandler = function refuseCrossSite(req, res, next) {
  if (sameOrigin(req)) return next();
  res.status(403).json({ error: { code: 'cross_origin', message: 'requests must come from this site' } });
};

/** An error with an HTTP status and a stable code, for request problems the marketing layer does not see. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Answers marketing and request errors as `{ error: { code, message } }`; anything else goes on to the central handler. */
export const opsErrors: ErrorRequestHandler = function opsErrors(err: unknown, _req, res, next) {
  if (err instanceof MarketingError) {
    res.status(STATUS[err.code]).json({ error: { code: err.code, message: err.message } });
  } else if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
  } else {
    next(err);
  }
};
