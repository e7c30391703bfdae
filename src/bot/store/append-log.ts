/**
 * An append-only text file written through one kept handle with group commit: text appended while a write is
 * under way goes out with the next write, one write at a time, in call order, so records never interleave and
 * a busy file costs few system calls. A process killed mid-write leaves at most a torn last line; opening the
 * file for appending cuts it off, so the next record is not glued to it. A resolved append has reached the OS,
 * which survives a killed process (not a power cut: there is no fsync).
 */
import { open, type FileHandle } from 'node:fs/promises';

/** One file being appended to. */
export interface AppendLog {
  /** Queues `text` (whole lines, each ending in \n); resolves once it is written. */
  append(text: string): Promise<void>;
  /** True while something is queued or being written. */
  readonly busy: boolean;
  /** Resolves once everything queued so far is written (or failed). */
  idle(): Promise<void>;
  /** Waits for queued writes, then closes the handle (a later append opens it again). */
  close(): Promise<void>;
}

const TAIL_CHUNK = 64 * 1024;

/** Where the last complete line ends: the byte after the last newline, or 0. */
async function endOfLastLine(handle: FileHandle, size: number): Promise<number> {
  const buf = Buffer.alloc(Math.min(TAIL_CHUNK, size));
  for (let end = size; end > 0; end -= buf.length) {
    const start = Math.max(0, end - buf.length);
    const { bytesRead } = await handle.read(buf, 0, end - start, start);
    const nl = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (nl >= 0) return start + nl + 1;
  }
  return 0;
}

/** Opens the file for appending (creating it), first cutting off a line torn by a crash. */
async function openForAppend(file: string): Promise<FileHandle> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    if (size > 0) {
      const end = await endOfLastLine(handle, size);
      if (end < size) await handle.truncate(end);
    }
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

interface Waiter { resolve(): void; reject(err: unknown): void }

/** An AppendLog on `file`; the handle is opened on the first append. */
export function createAppendLog(file: string): AppendLog {
  let handle: Promise<FileHandle> | undefined;
  let pending: string[] = [];
  let waiters: Waiter[] = [];
  let writing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const data = Buffer.from(pending.join(''), 'utf8');
      const batch = waiters;
      pending = [];
      waiters = [];
      try {
        await writeAll(await (handle ??= openForAppend(file)), data);
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

  return {
    append(text) {
      pending.push(text);
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      // Started in this loop turn's check phase (setImmediate), not at once: appends made while the turn's I/O
      // callbacks run share one write, and the writes of all files go to libuv's threads together. One write per
      // message, each waking a sleeping pool thread, cost the server ~250 µs of main-thread time apiece under load.
      writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
      return done;
    },
    get busy() { return writing !== null; },
    async idle() {
      while (writing) await writing;
    },
    async close() {
      while (writing) await writing;
      const h = handle;
      handle = undefined;
      if (h) await (await h).close();
    },
  };
}
