/** An inbox store in memory, for tests. */
import type { InboxItem, InboxStore } from './types.js';

/** Creates an empty in-memory inbox store. */
export function createMemoryInboxStore(): InboxStore {
  const items = new Map<string, InboxItem>();
  return {
    add: async (item) => void items.set(item.id, structuredClone(item)),
    get: async (id) => structuredClone(items.get(id) ?? null),
    list: async (filter = {}) => [...items.values()].filter((i) => !filter.status || i.status === filter.status).map((i) => structuredClone(i)),
    async update(ids, change) {
      const out: InboxItem[] = [];
      for (const id of ids) {
        const item = items.get(id);
        if (!item) continue;
        change(item);
        out.push(structuredClone(item));
      }
      return out;
    },
    close: async () => undefined,
  };
}
