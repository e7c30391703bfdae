/** The misunderstood inbox: record what the bot got wrong, group it, and let a trainer assign, create or ignore. */
import { randomUUID } from 'node:crypto';
import { buildBackground, groupFeatures, type Background } from './group.js';
import { groupItems, type InboxGroup } from './groups.js';
import type { InboxItem, InboxReason, InboxStore } from './types.js';

export * from './types.js';
export type { InboxGroup } from './groups.js';
export { createMemoryInboxStore } from './memory.js';
export { createLowdbInboxStore } from './lowdb.js';
export { createJsonlInboxStore } from './jsonl.js';
export { createInboxObserver, type TurnListener } from './observer.js';
export { judgeTurn, saysNotWhatIAsked } from './detect.js';

/** An item as the observer hands it in. */
export type NewInboxItem = Omit<InboxItem, 'id' | 'status'>;

/** What a trainer decided for some items. */
export type Resolution = { status: 'assigned'; intent: string } | { status: 'ignored' };

/** The training examples grouping weighs words against, by intent; `key` changes when they change. */
export interface BackgroundSource {
  key: string;
  byIntent: string[][];
}

/** The inbox's calls. */
export interface Inbox {
  record(item: NewInboxItem): Promise<InboxItem>;
  addReasons(id: string, reasons: InboxReason[]): Promise<void>;
  /** Open items grouped by similarity, biggest group first. */
  groups(): Promise<InboxGroup[]>;
  /** The open items among `ids` (what an action applies to; resolved or unknown ids are left out). */
  openItems(ids: string[]): Promise<InboxItem[]>;
  resolve(ids: string[], resolution: Resolution, at: number): Promise<InboxItem[]>;
}

/** Creates the inbox over a store; `background` supplies the training examples (read when grouping). */
export function createInbox(store: InboxStore, background: () => BackgroundSource): Inbox {
  // Analysing costs ~0.1 ms a message: keep features per text, and the background per corpus version.
  const cache = new Map<string, string[]>();
  const featuresOf = (norm: string): string[] => {
    let f = cache.get(norm);
    if (!f) {
      f = groupFeatures(norm);
      if (cache.size > 50_000) cache.clear();
      cache.set(norm, f);
    }
    return f;
  };
  let built: { key: string; background: Promise<Background> } | null = null;
  function currentBackground(): Promise<Background> {
    const source = background();
    if (built?.key !== source.key) built = { key: source.key, background: buildBackground(source.byIntent, featuresOf) };
    return built.background;
  }

  async function openItems(ids: string[]): Promise<InboxItem[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => store.get(id)));
    return found.filter((i): i is InboxItem => i !== null && i.status === 'open');
  }

  return {
    async record(item) {
      const full: InboxItem = { ...item, id: randomUUID(), status: 'open' };
      await store.add(full);
      return full;
    },
    async addReasons(id, reasons) {
      await store.update([id], (i) => { i.reasons = [...new Set([...i.reasons, ...reasons])]; });
    },
    async groups() {
      const items = await store.list({ status: 'open' });
      return groupItems(items, featuresOf, await currentBackground());
    },
    openItems,
    async resolve(ids, resolution, at) {
      const open = (await openItems(ids)).map((i) => i.id);
      return store.update(open, (i) => {
        i.status = resolution.status;
        i.resolvedAt = at;
        if (resolution.status === 'assigned') i.resolvedTo = resolution.intent;
      });
    },
  };
}
