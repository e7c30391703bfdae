/**
 * The desk plugged into the engine: a turn observer that opens or updates the handoff after each recorded turn,
 * and adds what the buyer must hear (place in the queue and wait, or no rep online) to the turn's replies.
 */
import type { TurnInterceptor, TurnObserver } from '../engine.js';
import type { ChatLine } from '../types.js';
import type { HandoffDesk } from './desk.js';

/** The observer; the engine runs it in the chat's queue, after the record stage. */
export function handoffObserver(desk: HandoffDesk): TurnObserver {
  return async function handoffAfterTurn(turn) {
    // Most turns neither hand off nor belong to a handed-off chat: skip building their look-back (30+ lines a turn).
    if (turn.decision?.kind !== 'handoff' && !desk.hasOpen(turn.sessionId)) return;
    // The record stage stored this turn's lines; the observer's history is the look-back before it.
    const lines: ChatLine[] = [
      { from: 'buyer', text: turn.raw, at: turn.at, intent: turn.intents[0] ?? null },
      ...(turn.replies ?? []).map((r): ChatLine => ({ from: 'bot', text: r.text, at: turn.at, intent: r.intent })),
    ];
    const extra = await desk.afterTurn({ turn, state: turn.state, history: [...turn.history, ...lines] });
    // The handoff line ends the turn; it keeps the bot's quick replies so the buyer still has them while waiting.
    const quick = turn.replies?.at(-1)?.quickReplies ?? [];
    if (extra.length > 0) turn.replies = [...(turn.replies ?? []), ...extra.map((r) => (r.quickReplies.length > 0 ? r : { ...r, quickReplies: quick }))];
  };
}

/** The desk as the engine's interceptor: a rep's chat, or a message being left for one, is not the bot's to answer. */
export function handoffInterceptor(desk: HandoffDesk): TurnInterceptor {
  return function interceptForHandoff({ sessionId, text, at }) {
    return desk.intercept(sessionId, text, at);
  };
}
