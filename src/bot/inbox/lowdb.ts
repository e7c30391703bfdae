/**
 * The inbox on lowdb: data/runtime/inbox.json. Items arrive from chats, so writes are coalesced: a burst of
 * misunderstood messages costs one file write, not one per message (lowdb rewrites the whole file, atomically),
 * and a big file is written less often (nextFlushDelay). close() and a trainer's decision write at once.
 * The file is bounded: past `maxItems`, the oldest resolved items go first, then the oldest open ones.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { InboxItem, InboxStore } from './types.js';

/**
 * How long the next new item may wait: at least `flushMs`, and long enough that rewriting the file takes no more
 * than 1/40 of the time. lowdb serialises the whole file on the main thread: a full inbox (5,000 items, 2.3 MB)
 * costs ~23 ms a write, which every 200 ms under a stream of misunderstood messages was ~11% of a core.
 */
export function nextFlushDelay(flushMs: number, lastWriteMs: number): number {
  return Math.max(flushMs, Math.ceil(lastWriteMs * 40));
}

/** Options of the lowdb inbox store. */
export interface LowdbInboxOptions {
  file: string;
  /** Shortest wait before a new item is written (ms); longer when a write of the whole file is slow (nextFlushDelay). */
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

  /** Main-thread time of the last write (lowdb turns the whole file into JSON before it writes). */
  let lastWriteMs = 0;

  function write(): void {
    trim();
    writing = writing.then(() => {
      const start = performance.now();
      const written = db.write();
      lastWriteMs = performance.now() - start;
      return written;
    }).catch(onError);
  }

  function flushSoon(): void {
    timer ??= setTimeout(function flushInbox() {
      timer = undefined;
      write();
    }, nextFlushDelay(flushMs, lastWriteMs));
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
