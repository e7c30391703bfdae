/** Settings of the chat server, with the defaults used in production. Tests and the bench override parts. */
import { fileURLToPath } from 'node:url';
import type { RateLimitConfig } from './rate-limit.js';

/** Everything the chat server can be tuned with. */
export interface ServerConfig {
  /** Largest WebSocket frame in bytes; bigger frames close the connection with 1009. */
  maxPayload: number;
  /** Milliseconds between heartbeat pings; a socket that missed the previous ping is terminated. */
  heartbeatMs: number;
  rateLimit: RateLimitConfig;
  /** Milliseconds an answer may take before a typing frame is sent (fast answers go out without one). */
  typingDelayMs: number;
  /** Where the widget, its CSS and the demo page are served from. */
  publicDir: string;
}

/** Partial settings as callers pass them; anything left out takes the default. */
export type ServerOptions = Partial<Omit<ServerConfig, 'rateLimit'>> & { rateLimit?: Partial<RateLimitConfig> };

/** Production defaults. */
export const DEFAULT_CONFIG: ServerConfig = {
  // 500 code points of fully escaped JSON (\uXXXX, 6 bytes each, 12 for emoji) still fit.
  maxPayload: 8 * 1024,
  heartbeatMs: 30_000,
  // A person types at most a message a second for long; 8 quick ones in a row is still a person.
  rateLimit: { burst: 8, perSecond: 1, strikes: 5, strikesPerSecond: 0.1 },
  typingDelayMs: 150,
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
};

/** Merges partial settings over the defaults. */
export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  return {
    ...DEFAULT_CONFIG,
    ...options,
    rateLimit: { ...DEFAULT_CONFIG.rateLimit, ...options.rateLimit },
  };
}
