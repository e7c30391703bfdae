/** Where chats live: a tiny interface with an in-memory adapter (tests), a JSONL one (the server) and the older lowdb one. */
import type { ChatLine } from '../types.js';
import type { SessionState } from '../session/state.js';

/** One chat: who it belongs to and its conversation state. The lines are read separately. */
export interface SessionRecord {
  id: string;
  buyerId: string;
  createdAt: number;
  state: SessionState;
}

export interface ChatStore {
  /** Creates a chat with a fresh unguessable id. Ids are never chosen by callers. */
  create(init: { buyerId: string; createdAt: number; state: SessionState }): Promise<SessionRecord>;
  /** The chat, or null for an unknown or malformed id (a malformed id never touches the disk). */
  get(id: string): Promise<SessionRecord | null>;
  /** Replaces the chat's state. */
  saveState(id: string, state: SessionState): Promise<void>;
  /** Appends lines to the chat; once the promise resolves they survive a crash. */
  append(id: string, lines: ChatLine[]): Promise<void>;
  /** The chat's lines, oldest first; with `last`, only that many of the newest (cheap: a turn's look-back). */
  history(id: string, opts?: { last?: number }): Promise<ChatLine[]>;
  /** How many chats this buyer has started so far (a returning buyer has at least one before this one). */
  countChats(buyerId: string): Promise<number>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

/** Thrown when writing to a chat that does not exist; `code` is stable. */
export class UnknownSessionError extends Error {
  readonly code = 'SESSION_UNKNOWN';
}
