/** Conversation context kept between turns and persisted with the chat. */
import type { IntentId, Script } from '../../intents/types.js';
import type { HandoffReason, TagHit } from '../types.js';

/** Facts the buyer gave that later turns reuse. Units are canonical: cm, kg, EU shoe size. */
export interface Slots {
  height?: number;
  weight?: number;
  footLength?: number;
  /** Size the buyer usually wears (平时穿M). */
  usualSize?: string;
  shoeSize?: number;
  orderId?: string;
  /** Canonical colour id last asked about. */
  color?: string;
  /** Size last asked about (M码呢). */
  size?: string;
  courier?: string;
  /** Place (province or city, as written in data/store.json) last asked about. */
  place?: string;
}

/** What the bot asked for last turn, so a bare answer (170 60kg, an order number) is understood. */
export interface Pending {
  intent: IntentId;
  slot: 'body' | 'foot' | 'orderId';
}

export interface SessionState {
  /** Intents answered last turn; the first drives follow-ups like 那白色呢. */
  lastIntents: IntentId[];
  productId: string | null;
  slots: Slots;
  pending: Pending | null;
  /** Consecutive turns the bot did not understand. */
  notUnderstood: number;
  photoAsked: boolean;
  orderAsked: boolean;
  handoff: { reason: HandoffReason; at: number; detail?: string } | null;
  memberLevel: string | null;
  script: Script;
  /** Tags gathered over the whole chat, each once (the buyer description reads them). */
  tags: TagHit[];
  /** Buyer messages so far. */
  turns: number;
  /** Chats this buyer had with the store before this one (from the chat store; 0 for a first-time inquirer). */
  priorChats?: number;
}

/** State of a fresh chat. */
export function newState(productId: string | null): SessionState {
  return {
    lastIntents: [], productId, slots: {}, pending: null, notUnderstood: 0,
    photoAsked: false, orderAsked: false, handoff: null, memberLevel: null, script: 'hans', tags: [], turns: 0,
  };
}
