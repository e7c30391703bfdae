/**
 * HandoffStore on lowdb, under e.g. data/runtime/handoffs: one file per handoff, so a write costs one small
 * record however long the queue is. Open handoffs live in open/, closed ones move to closed/, so a restart
 * reads only what is still open. lowdb writes a temp file and renames it, so a crash leaves the old version.
 * Records are written as compact JSON: a waiting chat's record carries up to 200 transcript lines, and lowdb's
 * indented JSONFile spent about twice as long turning it into text.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { isSessionId } from '../../session/ids.js';
import type { HandoffRecord } from '../types.js';
import type { HandoffStore } from './types.js';

/** Opens (or starts) the handoff store under `dir`. */
export function createLowdbHandoffStore({ dir }: { dir: string }): HandoffStore {
  const queues = new Map<string, Promise<unknown>>();
  const openDir = join(dir, 'open');
  const closedDir = join(dir, 'closed');
  const fileOf = (folder: string, id: string) => join(folder, `${id}.json`);
  const ready = Promise.all([mkdir(openDir, { recursive: true }), mkdir(closedDir, { recursive: true })]);
  /** Per handoff, the newest record not yet written and the queued write that will write it. */
  const waiting = new Map<string, { record: HandoffRecord; written: Promise<void> }>();

  /** One write per handoff at a time: lowdb's writer must not race itself on the same file. */
  function serial<T>(id: string, job: () => Promise<T>): Promise<T> {
    const next = (queues.get(id) ?? Promise.resolve()).then(job, job);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(function dropIdleQueue() { if (queues.get(id) === settled) queues.delete(id); });
    return next;
  }

  const dataFile = (file: string) => new DataFile<HandoffRecord | null>(file, { parse: JSON.parse, stringify: (r) => JSON.stringify(r) });

  async function read(file: string): Promise<HandoffRecord | null> {
    const db = new Low<HandoffRecord | null>(dataFile(file), null);
    await db.read();
    return db.data;
  }

  async function write(file: string, record: HandoffRecord): Promise<void> {
    const db = new Low<HandoffRecord | null>(dataFile(file), record);
    await db.write();
  }

  return {
    async open() {
      await ready;
      const names = (await readdir(openDir)).filter((n) => n.endsWith('.json') && isSessionId(n.slice(0, -5)));
      const records = await Promise.all(names.map((n) => serial(n.slice(0, -5), () => read(join(openDir, n)))));
      return records.filter((r): r is HandoffRecord => r !== null && r.status !== 'closed');
    },
    async get(id) {
      if (!isSessionId(id)) return null;
      await ready;
      return serial(id, async () => (await read(fileOf(openDir, id))) ?? (await read(fileOf(closedDir, id))));
    },
    async put(next) {
      if (!isSessionId(next.id)) throw new Error(`malformed handoff id ${next.id}`);
      await ready;
      // A waiting buyer's every message updates the record: puts made while a write is queued join it, and that
      // write takes the newest record, so a burst costs one rewrite, not one per message.
      const queued = waiting.get(next.id);
      if (queued) {
        queued.record = next;
        return queued.written;
      }
      const slot = { record: next, written: Promise.resolve() };
      waiting.set(next.id, slot);
      slot.written = serial(next.id, async () => {
        if (waiting.get(next.id) === slot) waiting.delete(next.id);
        const { record } = slot;
        if (record.status !== 'closed') return write(fileOf(openDir, record.id), record);
        // Closed: written to closed/ first, so a crash between the two steps leaves it open, never lost.
        await write(fileOf(closedDir, record.id), record);
        await rm(fileOf(openDir, record.id), { force: true });
      });
      return slot.written;
    },
    async close() {
      await Promise.all([...queues.values()]);
    },
  };
}
