/**
 * The inbox on an append-only JSON-lines file, data/runtime/inbox.jsonl, for the server. A new item, a reason added
 * to one, or a trainer's decision is one line appended through append-log.ts (group commit: items of a loop turn
 * share one write of a few µs), never a rewrite of the whole inbox. The lowdb adapter rewrote the whole file on the
 * main thread: ~23 ms for a full inbox (5,000 items, 2.3 MB) about once a second while misunderstood messages kept
 * coming, which every chat answered meanwhile waited for.
 *
 * Lines: {"item": InboxItem} adds an item or replaces it (the last line of an id wins; an item keeps the place of its
 * first line), {"drop": id} forgets one trimmed past `maxItems` (resolved items go before open ones, oldest first).
 * A torn last line (a killed process) is skipped when reading and cut off before the next append. When the file holds
 * more than twice as many lines as items, opening it rewrites it to one line per item (temp file, then rename).
 * An inbox.json left by the lowdb adapter is carried over once, when there is no inbox.jsonl yet.
 */
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createAppendLog, type AppendLog } from '../store/append-log.js';
import type { InboxItem, InboxStore } from './types.js';

/** Options of the JSONL inbox store. */
export interface JsonlInboxOptions {
  /** The inbox.jsonl file. */
  file: string;
  /** A lowdb inbox.json to carry over when `file` does not exist yet. */
  legacyFile?: string;
  maxItems?: number;
}

type Line = { item: InboxItem } | { drop: string };

/** Replays the file's lines into items in their first-seen order; unreadable lines are skipped. Returns the line count. */
function replay(text: string, items: Map<string, InboxItem>): number {
  let lines = 0;
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue; // torn by a crash mid-write
    }
    lines += 1;
    if ('drop' in line) items.delete(line.drop);
    else if (line.item && typeof line.item.id === 'string') items.set(line.item.id, line.item);
  }
  return lines;
}

const itemLine = (item: InboxItem): string => `${JSON.stringify({ item })}\n`;

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Opens (or starts) the inbox file. */
export function createJsonlInboxStore({ file, legacyFile, maxItems = 5000 }: JsonlInboxOptions): InboxStore {
  mkdirSync(dirname(file), { recursive: true });
  const items = new Map<string, InboxItem>();
  let log: AppendLog | undefined;
  let ready: Promise<AppendLog> | undefined;

  /** Writes the file afresh, one line per item (temp file, then rename: a crash leaves the old file). */
  async function rewrite(): Promise<void> {
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, [...items.values()].map(itemLine).join(''));
    await rename(tmp, file);
  }

  async function load(): Promise<AppendLog> {
    const text = await readText(file);
    let lines = 0;
    let carried = false;
    if (text !== null) {
      lines = replay(text, items);
    } else if (legacyFile) {
      const legacy = await readText(legacyFile);
      for (const item of legacy ? (JSON.parse(legacy) as { items?: InboxItem[] }).items ?? [] : []) items.set(item.id, item);
      carried = items.size > 0;
    }
    if (carried || lines > 2 * items.size + 100) await rewrite();
    log = createAppendLog(file);
    return log;
  }

  const open = (): Promise<AppendLog> => (ready ??= load());

  /** Past maxItems: the oldest assigned, then ignored, then open items go; returns their drop lines. */
  function trim(): string {
    let over = items.size - maxItems;
    if (over <= 0) return '';
    const dropped: string[] = [];
    for (const status of ['assigned', 'ignored', 'open'] as const) {
      for (const [id, item] of items) {
        if (over <= 0) break;
        if (item.status !== status) continue;
        items.delete(id);
        dropped.push(`${JSON.stringify({ drop: id })}\n`);
        over -= 1;
      }
    }
    return dropped.join('');
  }

  return {
    async add(item) {
      const out = await open();
      const copy = structuredClone(item);
      items.set(copy.id, copy);
      await out.append(itemLine(copy) + trim());
    },
    async get(id) {
      await open();
      return structuredClone(items.get(id) ?? null);
    },
    async list(filter = {}) {
      await open();
      const out: InboxItem[] = [];
      for (const item of items.values()) if (!filter.status || item.status === filter.status) out.push(structuredClone(item));
      return out;
    },
    async update(ids, change) {
      const out = await open();
      const changed: InboxItem[] = [];
      for (const id of ids) {
        const item = items.get(id);
        if (!item) continue;
        change(item);
        changed.push(item);
      }
      if (changed.length > 0) await out.append(changed.map(itemLine).join(''));
      return changed.map((i) => structuredClone(i));
    },
    async close() {
      await open();
      await log?.close();
    },
  };
}
