/** Errors of the marketing layer, each with a stable code the server maps to a 4xx. */

export type MarketingErrorCode = 'bad_tag' | 'bad_segment' | 'bad_export' | 'unknown_buyer' | 'not_tagged' | 'not_due';

/** A request the marketing layer refuses; `code` is stable for callers and tests. */
export class MarketingError extends Error {
  readonly code: MarketingErrorCode;

  constructor(code: MarketingErrorCode, message: string) {
    super(message);
    this.name = 'MarketingError';
    this.code = code;
  }
}
