/** Builds the rep's note from the turn that handed off: buyer type, pain point, facts collected, reason, first line. */
import type { IntentId } from '../../intents/types.js';
import type { ShopData } from '../shop/schema.js';
import type { SessionState } from '../session/state.js';
import { findPainPoint } from '../extract/painPoint.js';
import type { BuyerType, ChatLine, HandoffReason, PainPoint, Turn } from '../types.js';
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

/** Intents that say nothing about what hurts. */
const NO_PAIN: ReadonlySet<IntentId> = new Set(['human', 'greeting', 'farewell', 'None']);

/**
 * What hurts when the handoff message itself says nothing (转人工 after a size question): the pain of the chat's
 * earlier intents, the most severe first.
 */
function chatPain(intents: IntentId[], turn: Turn, state: SessionState): PainPoint | null {
  const earlier = intents.filter((i) => !NO_PAIN.has(i));
  if (earlier.length === 0 || !turn.norm) return null;
  return findPainPoint({ intents: earlier, norm: turn.norm, entities: turn.entities ?? [], tags: state.tags });
}

/** The note a rep reads before the transcript. */
export function buildNote({ turn, state, history, shop, reason, detail }: NoteInput): HandoffNote {
  const buyerType = turn.buyerType ?? plainBuyer(state);
  const intents = intentsSeen(history, turn);
  const painPoint = turn.painPoint ?? chatPain(intents, turn, state);
  const collected = collectedFacts(state, shop);
  const note: HandoffNote = {
    buyerType, painPoint, mood: turn.mood ?? 'neutral', collected, intents, reason,
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
