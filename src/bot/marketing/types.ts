/** What the marketing log holds: tag events, chat touches and follow-ups, and the small store they live behind. */
import type { HandoffReason, TagHit } from '../types.js';

/** Where a tag came from: a trainer rule, the model, or a rep by hand. */
export type TagSource = TagHit['source'];

/** A tag given to (or taken from) a buyer. `message` is the buyer's message, already masked. */
export interface TagEvent {
  kind: 'tag';
  op: 'add' | 'remove';
  buyerId: string;
  sessionId: string | null;
  tag: string;
  source: TagSource;
  /** Keyword, entity kind or rule that produced it (rules and the model), for the trainer. */
  because?: string;
  /** The staff user who added or removed it (source 'rep'). */
  by?: string;
  message: string;
  /** Epoch milliseconds. */
  at: number;
}

/** One buyer message in a chat: drives first/last contact, chats, handoffs and the week's pain points. */
export interface TurnEvent {
  kind: 'turn';
  buyerId: string;
  sessionId: string;
  intent: string | null;
  handoff: HandoffReason | null;
  pain: string | null;
  at: number;
}

/** The steps of the follow-up schedule: a coupon, then (no purchase since) a targeted offer, then stop. */
export type FollowUpStep = 'coupon' | 'offer';

/** Operations marked a follow-up step as sent. */
export interface FollowUpEvent {
  kind: 'followup';
  buyerId: string;
  step: FollowUpStep;
  by: string;
  at: number;
}

/** Anything the marketing log records. */
export type MarketingEvent = TagEvent | TurnEvent | FollowUpEvent;

/** Where marketing events are kept: append-only, read back in the order written. */
export interface TagStore {
  /** Appends events; once the promise resolves they survive the process being killed. */
  append(events: MarketingEvent[]): Promise<void>;
  /** Every event, oldest first, in pages (one await per page, not per event: logs run to millions). */
  scan(): AsyncIterable<MarketingEvent[]>;
  /** Waits for pending writes and releases the file. */
  close(): Promise<void>;
}
