/** Types of the handoff to a person: the record a rep works on, the note they read first, and the outcome. */
import type { IntentId, Script } from '../../intents/types.js';
import type { BuyerType, ChatLine, HandoffReason, Mood, PainPoint } from '../types.js';

/** Where a handoff is: waiting for a rep, with a rep, or done. */
export type HandoffStatus = 'queued' | 'claimed' | 'closed';

/** How a rep ended a chat (for after-sale metrics: refund rate, share closed by the store itself). */
export const OUTCOMES = ['resolved', 'refund', 'resend', 'exchange', 'compensated', 'follow_up', 'no_reply', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the bot already collected, so the rep does not ask again. */
export interface CollectedFacts {
  orderId?: string;
  /** Body and size facts: 身高 170cm, 体重 60kg, 脚长 25cm, 平时穿 M, 鞋码 38, 问的尺码 L. */
  sizeFacts: string[];
  /** Colour in question, by its Chinese name (黑色). */
  colour?: string;
  product?: string;
  /** True once the bot asked the buyer for a photo (damage, defect, wrong item). */
  photoRequested: boolean;
}

/** The note a rep reads at a glance before any transcript. */
export interface HandoffNote {
  buyerType: BuyerType;
  painPoint: PainPoint | null;
  mood: Mood;
  collected: CollectedFacts;
  /** Intents seen in the chat so far, first seen first. */
  intents: IntentId[];
  reason: HandoffReason;
  /** The reason in a few Chinese words (要求转人工, 差评威胁 …). */
  reasonText: string;
  /** Store rule note or the compensation intent, when there is one. */
  detail?: string;
  /** A first line for the rep, in the store's tone and the buyer's language. */
  suggestedLine: string;
  /** Tags of the chat (母婴, 送礼, 身高170 …). */
  chatTags: string[];
}

/** The staff member who holds a chat. */
export interface RepRef {
  user: string;
  name: string;
}

/** What the bot does while no rep is online: takes a message, then how the buyer wants to be contacted. */
export interface OfflineMessage {
  step: 'message' | 'contact' | 'phone' | 'done';
  message?: string;
  /** 'chat' (answer here), 'phone' with a number, or 'wangwang'. */
  contact?: { by: 'chat' | 'phone' | 'wangwang'; phone?: string };
}

/** One handoff: created by the bot's decision, queued, claimed by one rep, closed with an outcome. */
export interface HandoffRecord {
  id: string;
  sessionId: string;
  status: HandoffStatus;
  /** 0 is most urgent (angry, threat, damage); the queue orders by urgency, then by waiting time. */
  urgency: number;
  createdAt: number;
  claimedAt?: number;
  closedAt?: number;
  rep?: RepRef;
  note: HandoffNote;
  /** The conversation so far, growing while the handoff is open (buyer, bot, rep and system lines). */
  transcript: ChatLine[];
  /** Buyer messages since the handoff (the note's count includes those before). */
  buyerMessages: number;
  /** Tags the rep added (母婴, 待回访 …). */
  repTags: string[];
  /** The rep's private note; never shown to the buyer. */
  privateNote: string;
  outcome?: Outcome;
  offline?: OfflineMessage;
  script: Script;
}
