/** Per-connection flood control: a bucket for messages, and a second, slower bucket for how many refusals we tolerate. */
import { TokenBucket } from './token-bucket.js';

/** Settings of the per-connection rate limit. */
export interface RateLimitConfig {
  /** Messages a buyer may send in a burst. */
  burst: number;
  /** Sustained messages per second. */
  perSecond: number;
  /** Over-limit messages answered with an error frame before the connection is closed with 1008. */
  strikes: number;
  /** How fast forgiven strikes come back, per second. */
  strikesPerSecond: number;
}

/** What to do with one incoming message. */
export type RateVerdict = 'allow' | 'refuse' | 'close';

/** Creates the limiter for one connection. */
export function createRateLimiter(config: RateLimitConfig, now: () => number): () => RateVerdict {
  const messages = new TokenBucket(config.burst, config.perSecond, now);
  const strikes = new TokenBucket(config.strikes, config.strikesPerSecond, now);
  return function rateLimit(): RateVerdict {
    if (messages.take()) return 'allow';
    // A buyer who overshoots once gets a polite error; one who keeps flooding runs out of strikes.
    return strikes.take() ? 'refuse' : 'close';
  };
}
