/**
 * ChatStore on lowdb. lowdb rewrites a whole file per write, so each chat gets its own directory:
 * meta.json (owner + state) and its lines in pages of `pageSize` (lines-000000.json, …). An append
 * rewrites only the chat's last page, so a write costs at most one page, however long the history grows.
 * lowdb's file adapter writes a temp file and renames it over the old one, so a process killed mid-write
 * leaves the previous version intact. index.jsonl is append-only: one line per chat created.
 */
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { isSessionId, newSessionId } from '../session/ids.js';
import type { SessionState } from '../session/state.js';
import type { ChatLine } from '../types.js';
import { countBuyers } from './jsonl.js';
import { UnknownSessionError, type ChatStore, type SessionRecord } from './types.js';

interface Page { lines: ChatLine[] }

const PAGE_FILE = /^lines-(\d{6})\.json$/;
/** Chats whose last page number is kept in memory. */
const PAGE_CACHE = 10_000;

/** Options of the lowdb store; pageSize is small in tests to exercise page turns. */
export interface LowdbStoreOptions { dir: string; pageSize?: number }

/** Opens (or starts) a chat store under `dir`, e.g. data/runtime. */
export function createLowdbStore({ dir, pageSize = 100 }: LowdbStoreOptions): ChatStore {
  const queues = new Map<string, Promise<unknown>>();
  /** Last page number per chat, so an append does not list the directory every time. */
  const lastPage = new Map<string, number>();
  const rememberPage = (id: string, n: number): void => {
    lastPage.delete(id);
    lastPage.set(id, n);
    // Bounded: forget the least recently written chats; they are found again by listing their directory.
    if (lastPage.size > PAGE_CACHE) lastPage.delete(lastPage.keys().next().value!);
  };
  const chatDir = (id: string) => join(dir, 'chats', id.slice(0, 2), id);
  const pagePath = (id: string, n: number) => join(chatDir(id), `lines-${String(n).padStart(6, '0')}.json`);
  const pageDb = (id: string, n: number) => new Low<Page>(new JSONFile(pagePath(id, n)), { lines: [] });
  const metaDb = (id: string) => new Low<SessionRecord | null>(new JSONFile(join(chatDir(id), 'meta.json')), null);

  /** Runs one operation per chat at a time: lowdb's writer must not race itself on the same file. */
  function serial<T>(id: string, job: () => Promise<T>): Promise<T> {
    const prev = queues.get(id) ?? Promise.resolve();
    const next = prev.then(job, job);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(function dropIdleQueue() { if (queues.get(id) === settled) queues.delete(id); });
    return next;
  }

  async function pageNumbers(id: string): Promise<number[]> {
    const names = await readdir(chatDir(id)).catch(() => [] as string[]);
    return names.flatMap((n) => { const m = PAGE_FILE.exec(n); return m?.[1] ? [Number(m[1])] : []; })
      .sort((a, b) => a - b);
  }

  async function readRecord(id: string): Promise<SessionRecord | null> {
    if (!isSessionId(id)) return null;
    const db = metaDb(id);
    await db.read();
    return db.data && db.data.id === id ? db.data : null;
  }

  async function mustExist(id: string): Promise<void> {
    if (!(await readRecord(id))) throw new UnknownSessionError(`unknown session ${id}`);
  }

  return {
    async create(init) {
      const id = newSessionId();
      const record: SessionRecord = { id, ...init };
      await mkdir(chatDir(id), { recursive: true });
      await serial(id, function writeMeta() { const db = metaDb(id); db.data = record; return db.write(); });
      await appendFile(join(dir, 'index.jsonl'), `${JSON.stringify({ id, buyerId: init.buyerId, createdAt: init.createdAt })}\n`);
      rememberPage(id, 0);
      return structuredClone(record);
    },
    get: (id) => (isSessionId(id) ? serial(id, () => readRecord(id)) : Promise.resolve(null)),
    async countChats(buyerId) {
      const text = await readFile(join(dir, 'index.jsonl'), 'utf8').catch(() => '');
      return countBuyers(text).get(buyerId) ?? 0;
    },
    saveState(id, state: SessionState) {
      if (!isSessionId(id)) return Promise.reject(new UnknownSessionError(`unknown session ${id}`));
      return serial(id, async () => {
        const db = metaDb(id);
        await db.read();
        if (!db.data || db.data.id !== id) throw new UnknownSessionError(`unknown session ${id}`);
        db.data.state = state;
        await db.write();
      });
    },
    append(id, lines) {
      return serial(id, async () => {
        let n = lastPage.get(id);
        if (n === undefined) {
          await mustExist(id);
          n = (await pageNumbers(id)).at(-1) ?? 0;
        }
        let rest = lines;
        while (rest.length > 0) {
          const db = pageDb(id, n);
          await db.read();
          const room = pageSize - db.data.lines.length;
          if (room <= 0) { n += 1; continue; }
          db.data.lines.push(...rest.slice(0, room));
          await db.write();
          rest = rest.slice(room);
          if (rest.length > 0) n += 1;
        }
        rememberPage(id, n);
      });
    },
    history(id, opts) {
      if (!isSessionId(id)) return Promise.resolve([]);
      const last = opts?.last;
      return serial(id, async () => {
        // Newest page first, stopping once `last` lines are in, so a turn's look-back costs a page or two.
        const pages: ChatLine[][] = [];
        let count = 0;
        for (const n of (await pageNumbers(id)).reverse()) {
          if (last !== undefined && count >= last) break;
          const db = pageDb(id, n);
          await db.read();
          pages.unshift(db.data.lines);
          count += db.data.lines.length;
        }
        const all = pages.flat();
        return last !== undefined ? all.slice(Math.max(0, all.length - last)) : all;
      });
    },
    async close() {
      await Promise.all([...queues.values()]);
    },
  };
}
