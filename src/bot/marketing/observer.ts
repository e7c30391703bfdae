/** Plugs the marketing log into the engine: every finished turn is recorded, in the chat's order. */
import type { TurnObserver } from '../engine.js';
import type { Marketing } from './index.js';

/**
 * A turn observer that logs the turn's tags and contact. The log's view is updated before this returns (so the
 * chat's next turn sees it); the buyer's reply does not wait for the disk, and a failed write is reported to `log`.
 */
export function tagObserver(marketing: Marketing, log: (message: string, err?: unknown) => void): TurnObserver {
  return function recordTags(turn) {
    marketing.recordTurn(turn).catch((err: unknown) => log(`marketing log: could not write the tags of chat ${turn.sessionId}`, err));
  };
}
