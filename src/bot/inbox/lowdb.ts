/**
 * The inbox on lowdb: data/runtime/inbox.json. Items arrive from chats, so writes are coalesced: a burst of
 * misunderstood messages costs one file write, not one per message (lowdb rewrites the whole file, atomically).
 * The file is bounded: past `maxItems`, the oldest resolved items go first, then the oldest open ones.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { InboxItem, InboxStore } from './types.js';

/** Options of the lowdb inbox store. */
export interface LowdbInboxOptions {
  file: string;
  /** Longest a new item waits before it is written (ms). */
  flushMs?: number;
  maxItems?: number;
  /** Where a failed background write is reported (the next write tries again with everything). */
  onError?: (err: unknown) => void;
}

/** Opens (or starts) the inbox file. */
export function createLowdbInboxStore(opts: LowdbInboxOptions): InboxStore {
  const { file, flushMs = 200, maxItems = 5000 } = opts;
  const onError = opts.onError ?? ((err: unknown) => console.error('[inbox] write failed', err));
  mkdirSync(dirname(file), { recursive: true });
  const db = new Low<{ items: InboxItem[] }>(new JSONFile(file), { items: [] });
  const byId = new Map<string, InboxItem>();
  let ready: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const open = (): Promise<void> => (ready ??= db.read().then(() => {
    for (const item of db.data.items) byId.set(item.id, item);
  }));

  function trim(): void {
    const items = db.data.items;
    if (items.length <= maxItems) return;
    const drop = new Set<string>();
    for (const status of ['assigned', 'ignored', 'open'] as const) {
      for (const i of items) {
        if (items.length - drop.size <= maxItems) break;
        if (i.status === status) drop.add(i.id);
      }
    }
    db.data.items = items.filter((i) => !drop.has(i.id));
    for (const id of drop) byId.delete(id);
  }

  function write(): void {
    trim();
    writing = writing.then(() => db.write()).catch(onError);
  }

  function flushSoon(): void {
    timer ??= setTimeout(function flushInbox() {
      timer = undefined;
      write();
    }, flushMs);
  }

  async function flushNow(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
      write();
    }
    await writing;
  }

  return {
    async add(item) {
      await open();
      const copy = structuredClone(item);
      db.data.items.push(copy);
      byId.set(copy.id, copy);
      flushSoon();
    },
    async get(id) {
      await open();
      return structuredClone(byId.get(id) ?? null);
    },
    async list(filter = {}) {
      await open();
      return db.data.items.filter((i) => !filter.status || i.status === filter.status).map((i) => structuredClone(i));
    },
    async update(ids, change) {
      await open();
      const out: InboxItem[] = [];
      for (const id of ids) {
        const item = byId.get(id);
        if (!item) continue;
        change(item);
        out.push(structuredClone(item));
      }
      // A trainer's decision is written at once, so it survives a crash right after the click.
      if (out.length > 0) {
        flushSoon();
        await flushNow();
      }
      return out;
    },
    async close() {
      await open();
      await flushNow();
    },
  };
}
