/** The misunderstood inbox: buyer messages the bot probably got wrong, waiting for a trainer. */

/** Why a message is in the inbox. */
export type InboxReason =
  /** Answered, but the model was unsure (low score, or two intents too close to call). */
  | 'low_confidence'
  /** The bot did not understand it (None). */
  | 'none'
  /** The buyer asked for a person (or got angry) right after this answer. */
  | 'handoff'
  /** The buyer said the answer missed the question (不是这个意思, 答非所问, not what i asked …). */
  | 'not_what_i_asked';

/** What a trainer did with an item. */
export type InboxStatus = 'open' | 'assigned' | 'ignored';

/** One buyer message in the inbox. Text is stored with personal data masked. */
export interface InboxItem {
  id: string;
  sessionId: string;
  /** The buyer's words (phones, addresses, names masked). */
  text: string;
  /** The normalised text (simplified, lower case, masked): what grouping reads. */
  norm: string;
  at: number;
  reasons: InboxReason[];
  /** What the bot made of it, and how sure the model was. */
  intent: string;
  score: number;
  modelVersion: string;
  status: InboxStatus;
  /** The intent it was assigned to, when assigned. */
  resolvedTo?: string;
  resolvedAt?: number;
}

/** Where inbox items are kept; an in-memory and a lowdb adapter implement it. */
export interface InboxStore {
  add(item: InboxItem): Promise<void>;
  get(id: string): Promise<InboxItem | null>;
  /** Items, oldest first; with `status`, only those. */
  list(filter?: { status?: InboxStatus }): Promise<InboxItem[]>;
  /** Changes items in place; unknown ids are skipped. Returns the changed items. */
  update(ids: string[], change: (item: InboxItem) => void): Promise<InboxItem[]>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}
