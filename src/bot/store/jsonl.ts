/**
 * ChatStore on append-only JSON-lines files: chats/<2 hex>/<id>.jsonl, one per chat (format in chat-file.ts), plus
 * index.jsonl with one line per chat created. Replaces the lowdb adapter on the chat path: lowdb rewrites a whole
 * file (temp + rename) per write, which cost a turn ~10 file opens and 2 renames; here a turn is one append
 * through a kept handle, and appends made together (the record stage's lines and state) share one record.
 *
 * Recently used chats stay in memory (record plus their newest lines, bounded by `maxChats` and `tailLines`), so a
 * turn's reads do not touch the disk; an older chat is read back from its file, which also serves full histories.
 * A killed process leaves at most a torn last line, which reading ignores and the next append cuts off.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSessionId, newSessionId } from '../session/ids.js';
import type { SessionState } from '../session/state.js';
import type { ChatLine } from '../types.js';
import { createAppendLog, type AppendLog } from './append-log.js';
import { changeRecord, openRecord, replayChat, type ChatChange } from './chat-file.js';
import { UnknownSessionError, type ChatStore, type SessionRecord } from './types.js';

/** Options of the JSONL store. */
export interface JsonlStoreOptions {
  dir: string;
  /** Chats kept in memory (and with an open file handle); the least recently used are dropped first. */
  maxChats?: number;
  /** Newest lines kept in memory per chat: enough for a turn's look-back, so it never reads the file. */
  tailLines?: number;
}

/** Who a chat is; its state is kept apart, as JSON text. */
type ChatHead = Omit<SessionRecord, 'state'>;

/**
 * A chat in memory: who it is, its state as JSON text (written as is, and parsed into a fresh copy for each
 * reader: cheaper than structuredClone), its newest lines, how many lines it has in all, and its file.
 */
interface LiveChat {
  head: ChatHead;
  stateJson: string;
  tail: ChatLine[];
  total: number;
  log: AppendLog;
  /** Changes made this tick, and the write they will share. */
  batch: ChatChange[];
  written: Promise<void> | null;
}

/**
 * A copy no caller can alias: a ChatLine's fields are all primitives (src/bot/types.ts). (Frozen lines handed out
 * without copying were tried: V8 reads frozen objects' fields on a slow path, and the buyer description's scan of
 * the look-back cost ~20 µs a turn more than the copies save.)
 */
const copyLine = (l: ChatLine): ChatLine => ({ ...l });

/** Counts chats per buyer in index.jsonl text; a torn last line is skipped. */
export function countBuyers(indexText: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of indexText.split('\n')) {
    if (!line) continue;
    try {
      const { buyerId } = JSON.parse(line) as { buyerId?: unknown };
      if (typeof buyerId === 'string') counts.set(buyerId, (counts.get(buyerId) ?? 0) + 1);
    } catch {
      // A line cut by a crash mid-write: that chat has no file either.
    }
  }
  return counts;
}

/** Opens (or starts) a chat store under `dir`, e.g. data/runtime. */
export function createJsonlStore({ dir, maxChats = 2000, tailLines = 60 }: JsonlStoreOptions): ChatStore {
  const live = new Map<string, LiveChat>();
  const loading = new Map<string, Promise<LiveChat | null>>();
  const index = createAppendLog(join(dir, 'index.jsonl'));
  const fileOf = (id: string) => join(dir, 'chats', id.slice(0, 2), `${id}.jsonl`);
  const newChat = ({ state, ...head }: SessionRecord, lines: ChatLine[]): LiveChat => ({
    head, stateJson: JSON.stringify(state), tail: lines.slice(-tailLines), total: lines.length,
    log: createAppendLog(fileOf(head.id)), batch: [], written: null,
  });
  let sweeping = false;
  /** Chats per buyer, read from index.jsonl on first use and kept up to date by create(). */
  let perBuyer: Promise<Map<string, number>> | undefined;
  const buyerCounts = (): Promise<Map<string, number>> =>
    (perBuyer ??= readFile(join(dir, 'index.jsonl'), 'utf8').catch(() => '').then(countBuyers));

  /**
   * Drops the least recently used idle chats past `maxChats`. Run from setImmediate, never inline: a chat just
   * read from its file is then always used (and busy) before it could be dropped, and a busy chat is never
   * dropped, so what is in memory and what is in the file agree for every chat dropped.
   */
  function sweep(): void {
    sweeping = false;
    for (const [id, chat] of live) {
      if (live.size <= maxChats) break;
      if (chat.written || chat.log.busy) continue;
      live.delete(id);
      void chat.log.close().catch(() => undefined);
    }
  }

  function touch(id: string, chat: LiveChat): void {
    live.delete(id);
    live.set(id, chat);
    if (live.size > maxChats && !sweeping) {
      sweeping = true;
      setImmediate(sweep);
    }
  }

  async function load(id: string): Promise<LiveChat | null> {
    const text = await readFile(fileOf(id), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const replayed = replayChat(text, id);
    if (!replayed) return null;
    const chat = newChat(replayed.record, replayed.lines);
    touch(id, chat);
    return chat;
  }

  /** The chat in memory, read from its file if need be; null when there is no such chat. */
  function chatOf(id: string): LiveChat | null | Promise<LiveChat | null> {
    if (!isSessionId(id)) return null;
    const found = live.get(id);
    if (found) {
      touch(id, found);
      return found;
    }
    let pending = loading.get(id);
    if (!pending) {
      pending = load(id).finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  /** Writes the tick's changes as one record; on failure memory may be ahead of the file, so it is forgotten. */
  async function writeBatch(id: string, chat: LiveChat): Promise<void> {
    await Promise.resolve();
    const batch = chat.batch;
    chat.batch = [];
    chat.written = null;
    try {
      await chat.log.append(changeRecord(batch));
    } catch (err) {
      if (live.get(id) === chat) live.delete(id);
      void chat.log.close().catch(() => undefined);
      throw err;
    }
  }

  /** Applies a change in memory at once and queues it for the chat's file; resolves once it is written. */
  async function change(id: string, c: ChatChange): Promise<void> {
    const chat = await chatOf(id);
    if (!chat) throw new UnknownSessionError(`unknown session ${id}`);
    if (c.lines) {
      for (const l of c.lines) chat.tail.push(l);
      chat.total += c.lines.length;
      if (chat.tail.length > tailLines * 2) chat.tail = chat.tail.slice(-tailLines);
    }
    if (c.stateJson !== undefined) chat.stateJson = c.stateJson;
    chat.batch.push(c);
    // Changes made in the same tick (the record stage's lines and state) share one record and one write.
    return (chat.written ??= writeBatch(id, chat));
  }

  return {
    async create(init) {
      const id = newSessionId();
      const record: SessionRecord = { id, ...init };
      const chat = newChat(record, []);
      await chat.log.append(openRecord(record));
      touch(id, chat);
      // Counted from the index before this chat's line is in it, so the line is not counted twice.
      const counts = await buyerCounts();
      await index.append(`${JSON.stringify({ id, buyerId: init.buyerId, createdAt: init.createdAt })}\n`);
      counts.set(init.buyerId, (counts.get(init.buyerId) ?? 0) + 1);
      return { ...chat.head, state: JSON.parse(chat.stateJson) as SessionState };
    },
    async get(id) {
      const chat = await chatOf(id);
      return chat ? { ...chat.head, state: JSON.parse(chat.stateJson) as SessionState } : null;
    },
    saveState: (id, state) => change(id, { stateJson: JSON.stringify(state) }),
    append: (id, lines) => change(id, { lines: lines.map(copyLine) }),
    async history(id, opts) {
      const chat = await chatOf(id);
      const want = opts?.last ?? Infinity;
      if (!chat || want <= 0) return [];
      if (want <= chat.tail.length || chat.tail.length === chat.total) {
        return chat.tail.slice(Math.max(0, chat.tail.length - want)).map(copyLine);
      }
      // Older than memory holds: read the file, once this chat's queued changes are in it.
      await chat.written?.catch(() => undefined);
      await chat.log.idle();
      const lines = replayChat(await readFile(fileOf(id), 'utf8'), id)?.lines ?? [];
      return want >= lines.length ? lines : lines.slice(lines.length - want);
    },
    countChats: async (buyerId) => (await buyerCounts()).get(buyerId) ?? 0,
    async close() {
      await Promise.all([...live.values()].map((c) => c.written?.catch(() => undefined)));
      await Promise.all([index.close(), ...[...live.values()].map((c) => c.log.close())]);
    },
  };
}
