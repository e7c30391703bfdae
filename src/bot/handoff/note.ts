/** Builds the rep's note from the turn that handed off: buyer type, pain point, facts collected, reason, first line. */
import type { IntentId } from '../../intents/types.js';
import type { ShopData } from '../shop/schema.js';
import type { SessionState } from '../session/state.js';
import type { BuyerType, ChatLine, HandoffReason, Turn } from '../types.js';
import { collectedFacts } from './collected.js';
import { suggestedFirstLine } from './opener.js';
import { REASON_TEXT } from './reasons.js';
import type { HandoffNote } from './types.js';

/** What the note is built from: the finished turn, the chat's state after it, and the chat's lines. */
export interface NoteInput {
  turn: Turn;
  state: SessionState;
  history: ChatLine[];
  shop: ShopData;
  reason: HandoffReason;
  detail?: string;
}

/** A buyer description for a turn that has none (it never went through extract); only counts what is known. */
function plainBuyer(state: SessionState): BuyerType {
  return {
    returning: false, memberLevel: null, buyingFor: 'unknown', priceSensitive: false, inAHurry: false, angry: false,
    messages: state.turns, label: '首次咨询',
  };
}

/** Intents of the chat, first seen first, without None. */
export function intentsSeen(history: ChatLine[], turn: Turn): IntentId[] {
  const seen = new Set<IntentId>();
  for (const line of history) if (line.from === 'buyer' && line.intent && line.intent !== 'None') seen.add(line.intent);
  const now = [turn.classification?.intent, ...(turn.extraIntents ?? [])];
  for (const i of now) if (i && i !== 'None') seen.add(i);
  return [...seen];
}

/** The note a rep reads before the transcript. */
export function buildNote({ turn, state, history, shop, reason, detail }: NoteInput): HandoffNote {
  const buyerType = turn.buyerType ?? plainBuyer(state);
  const painPoint = turn.painPoint ?? null;
  const collected = collectedFacts(state, shop);
  const note: HandoffNote = {
    buyerType, painPoint, mood: turn.mood ?? 'neutral', collected, intents: intentsSeen(history, turn), reason,
    reasonText: REASON_TEXT[reason],
    suggestedLine: suggestedFirstLine({
      reason, painPoint, collected, memberLevel: buyerType.memberLevel, script: state.script, shop,
      ...(detail ? { detail } : {}),
    }),
    chatTags: state.tags.map((t) => t.tag),
  };
  if (detail) note.detail = detail;
  return note;
}
