/**
 * TagStore as an append-only JSON-lines file (data/runtime/marketing/events.jsonl). An append writes only the new
 * lines at the end through one open handle, so its cost does not grow with the file. A process killed mid-write
 * leaves at most a torn last line: opening the file again cuts it off (so the next line is not glued to it), and
 * reading skips any line that does not parse. Resolved appends have reached the OS, which survives a killed
 * process; `durable: true` also syncs to disk on every append, for power loss, at a cost per write.
 * One process writes (the server); others may read at the same time with `readOnly`, which never touches the file.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MarketingEvent, TagStore } from '../types.js';

/** Options of the file store. */
export interface FileTagStoreOptions {
  file: string;
  /** Sync each append to disk (survives power loss, not only a killed process). */
  durable?: boolean;
  /** For readers beside the writing server (the export command): appends are refused, the file is never cut. */
  readOnly?: boolean;
}

const TAIL_CHUNK = 64 * 1024;

/** Where the last complete line ends: the byte after the last newline, or 0. */
async function endOfLastLine(handle: FileHandle, size: number): Promise<number> {
  const buf = Buffer.alloc(TAIL_CHUNK);
  for (let end = size; end > 0; end -= TAIL_CHUNK) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const { bytesRead } = await handle.read(buf, 0, end - start, start);
    const nl = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (nl >= 0) return start + nl + 1;
  }
  return 0;
}

/** Opens the file for appending, first cutting off a line torn by a crash. */
async function openForAppend(file: string): Promise<FileHandle> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a+');
  const { size } = await handle.stat();
  if (size > 0) {
    const end = await endOfLastLine(handle, size);
    if (end < size) await handle.truncate(end);
  }
  return handle;
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** The file's lines, a chunk's worth at a time; a partial last line (a writer mid-line) comes last. */
async function* fileLines(file: string): AsyncIterable<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield lines;
  }
  if (rest) yield [rest];
}

/** Events of some lines; a line that does not parse is a torn one another process is still writing. */
function parseLines(lines: string[]): MarketingEvent[] {
  const events: MarketingEvent[] = [];
  for (const line of lines) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as MarketingEvent);
    } catch {
      // skipped: the rest of the file is intact
    }
  }
  return events;
}

interface Waiter { resolve(): void; reject(err: unknown): void }

/** Opens (or starts) the event file; the handle is opened on first use. */
export function createFileTagStore({ file, durable = false, readOnly = false }: FileTagStoreOptions): TagStore {
  let handle: Promise<FileHandle> | undefined;
  const ready = (): Promise<FileHandle> => (handle ??= openForAppend(file));
  // Appends made while a write is under way wait and go out together in the next write (group commit):
  // one write at a time, in call order, so lines never interleave, and few system calls under load.
  let pending: Buffer[] = [];
  let waiters: Waiter[] = [];
  let writing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const data = Buffer.concat(pending);
      const batch = waiters;
      pending = [];
      waiters = [];
      try {
        const h = await ready();
        await writeAll(h, data);
        if (durable) await h.datasync();
        for (const w of batch) w.resolve();
      } catch (err) {
        // Reopen next time: opening cuts off whatever part of this batch did reach the file.
        const failed = handle;
        handle = undefined;
        void failed?.then((h) => h.close()).catch(() => undefined);
        for (const w of batch) w.reject(err);
      }
    }
    writing = null;
  }

  function append(events: MarketingEvent[]): Promise<void> {
    if (readOnly) return Promise.reject(new Error(`${file} is open read-only`));
    if (events.length === 0) return writing ?? Promise.resolve();
    pending.push(Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8'));
    const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    writing ??= flush();
    return done;
  }

  async function* scan(): AsyncIterable<MarketingEvent[]> {
    await writing;
    if (!existsSync(file)) return;
    for await (const lines of fileLines(file)) {
      const events = parseLines(lines);
      if (events.length > 0) yield events;
    }
  }

  return {
    append,
    scan,
    async close() {
      await writing;
      if (handle) await (await handle).close();
      handle = undefined;
    },
  };
}
