/** In-memory HandoffStore for unit tests: same contract as the lowdb one, nothing on disk. */
import type { HandoffRecord } from '../types.js';
import type { HandoffStore } from './types.js';

/** A HandoffStore in a Map; records are copied in and out so callers cannot alias stored ones. */
export function createMemoryHandoffStore(): HandoffStore {
  const records = new Map<string, HandoffRecord>();
  return {
    async open() {
      return [...records.values()].filter((r) => r.status !== 'closed').map((r) => structuredClone(r));
    },
    async get(id) {
      const found = records.get(id);
      return found ? structuredClone(found) : null;
    },
    async put(record) {
      records.set(record.id, structuredClone(record));
    },
    async close() {},
  };
}
