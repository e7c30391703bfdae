/** Where handoffs live: a tiny interface with an in-memory adapter (tests) and a lowdb one under data/runtime. */
import type { HandoffRecord } from '../types.js';

export interface HandoffStore {
  /** Every handoff not yet closed (queued or claimed), to rebuild the queue after a restart. */
  open(): Promise<HandoffRecord[]>;
  /** One handoff, open or closed; null for an unknown or malformed id. */
  get(id: string): Promise<HandoffRecord | null>;
  /** Saves the whole record; once the promise resolves it survives a crash. */
  put(record: HandoffRecord): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}
