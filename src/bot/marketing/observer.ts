/** Plugs the marketing log into the engine: every finished turn is recorded, in the chat's order. */
import type { TurnObserver } from '../engine.js';
import type { Marketing } from './index.js';

/** A turn observer that logs the turn's tags and contact (the engine reports a failure and carries on). */
export function tagObserver(marketing: Marketing): TurnObserver {
  return async function recordTags(turn) {
    await marketing.recordTurn(turn);
  };
}
