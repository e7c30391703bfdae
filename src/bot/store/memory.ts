/** In-memory ChatStore for unit tests: same contract as the lowdb one, nothing on disk. */
import { isSessionId, newSessionId } from '../session/ids.js';
import type { ChatLine } from '../types.js';
import type { SessionState } from '../session/state.js';
import { UnknownSessionError, type ChatStore, type SessionRecord } from './types.js';

interface Entry { record: SessionRecord; lines: ChatLine[] }

/** A ChatStore kept in a Map; values are copied in and out so callers cannot alias stored state. */
export function createMemoryStore(): ChatStore {
  const chats = new Map<string, Entry>();
  const entry = (id: string): Entry => {
    const found = isSessionId(id) ? chats.get(id) : undefined;
    if (!found) throw new UnknownSessionError(`unknown session ${id}`);
    return found;
  };
  return {
    async create(init) {
      const record: SessionRecord = { id: newSessionId(), ...init, state: structuredClone(init.state) };
      chats.set(record.id, { record, lines: [] });
      return structuredClone(record);
    },
    async get(id) {
      const found = isSessionId(id) ? chats.get(id) : undefined;
      return found ? structuredClone(found.record) : null;
    },
    async saveState(id: string, state: SessionState) {
      entry(id).record.state = structuredClone(state);
    },
    async append(id, lines) {
      entry(id).lines.push(...structuredClone(lines));
    },
    async history(id, opts) {
      const found = isSessionId(id) ? chats.get(id) : undefined;
      if (!found) return [];
      return structuredClone(opts?.last !== undefined ? found.lines.slice(Math.max(0, found.lines.length - opts.last)) : found.lines);
    },
    async countChats(buyerId) {
      let n = 0;
      for (const e of chats.values()) if (e.record.buyerId === buyerId) n += 1;
      return n;
    },
    async close() {},
  };
}
