/** Record stage: the buyer's line and the bot's replies go into the chat, and the chat's state is saved. */
import type { ChatStore } from '../store/types.js';
import type { ChatLine } from '../types.js';
import type { Stage } from './turn.js';

/** Longest buyer text stored; the language layer reads no more than this either. */
export const MAX_STORED_TEXT = 2000;

/**
 * Builds the record stage. It hands the turn to the store and does not wait for the disk: the store applies the
 * change in memory at once (the chat's next turn reads it) and writes it within milliseconds; `turn.written`
 * settles when it is written, and the engine waits for it after the reply is out.
 */
export function makeRecord({ store }: { store: ChatStore }): Stage {
  return function recordStage(turn) {
    const { state, decision } = turn;
    const main = turn.intents[0] ?? null;
    const lines: ChatLine[] = [
      { from: 'buyer', text: turn.raw.slice(0, MAX_STORED_TEXT), at: turn.at, intent: main },
      ...(turn.replies ?? []).map((r): ChatLine => ({ from: 'bot', text: r.text, at: turn.at, intent: r.intent })),
    ];
    // A message we did not understand leaves the topic as it was, so 那白色呢 still refers to the last real question.
    if (decision?.kind !== 'clarify' && !(decision?.kind === 'handoff' && decision.reason === 'not_understood_twice')) {
      state.lastIntents = turn.intents.filter((i) => i !== 'None');
    }
    state.turns += 1;
    // Asked together, so a store that coalesces writes (the JSONL one) stores the turn as one record.
    const written = Promise.all([store.append(turn.sessionId, lines), store.saveState(turn.sessionId, state)]).then(() => undefined);
    // Marked handled here; whoever awaits turn.written still sees a failure.
    written.catch(() => undefined);
    turn.written = written;
    return turn;
  };
}
