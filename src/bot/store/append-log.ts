/**
 * An append-only text file written through one kept handle with group commit: text appended during a loop turn
 * goes out together in that turn's check phase, one write at a time, in call order, so records never interleave
 * and a busy file costs few system calls. A process killed mid-write leaves at most a torn last line; opening the
 * file for appending cuts it off, so the next record is not glued to it. A resolved append has reached the OS,
 * which survives a killed process (not a power cut, unless `durable`: then each write is also synced to disk).
 *
 * The write itself is synchronous. Appends are small (a chat turn is ~1 KB) and land in the page cache: ~4 µs of
 * main-thread time each here, against ~25 µs of main-thread and pool time for the same write sent through
 * libuv's thread pool (queueing, waking a pool thread, the completion callback and its promise). Opening the file
 * (and cutting a torn line) stays asynchronous.
 */
import { writeSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

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

/** Opens the file for appending (creating it and its folder), first cutting off a line torn by a crash. */
async function openForAppend(file: string): Promise<FileHandle> {
  await mkdir(dirname(file), { recursive: true });
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

function writeAll(fd: number, data: Buffer): void {
  for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset, data.length - offset);
}

interface Waiter { resolve(): void; reject(err: unknown): void }

/** Options of an append log. */
export interface AppendLogOptions {
  /** Sync each write to disk before its appends resolve (survives power loss, at a cost per write). */
  durable?: boolean;
}

/** An AppendLog on `file`; the handle is opened on the first append. */
export function createAppendLog(file: string, { durable = false }: AppendLogOptions = {}): AppendLog {
  let handle: Promise<FileHandle> | undefined;
  let pending: string[] = [];
  let waiters: Waiter[] = [];
  let writing: Promise<void> | null = null;

  /** Takes everything queued so far: its text and who waits for it. */
  function take(): { data: Buffer; batch: Waiter[] } {
    const taken = { data: Buffer.from(pending.join(''), 'utf8'), batch: waiters };
    pending = [];
    waiters = [];
    return taken;
  }

  /** Forgets the handle; the next write reopens the file, which cuts off whatever part of a failed write got in. */
  function forgetHandle(): void {
    const failed = handle;
    handle = undefined;
    void failed?.then((h) => h.close()).catch(() => undefined);
  }

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      let h: FileHandle;
      try {
        h = await (handle ??= openForAppend(file));
      } catch (err) {
        forgetHandle();
        for (const w of take().batch) w.reject(err);
        continue;
      }
      // Taken after the open, so appends made while the file was opening go out in this write too.
      const { data, batch } = take();
      try {
        writeAll(h.fd, data);
        if (durable) await h.datasync();
        for (const w of batch) w.resolve();
      } catch (err) {
        forgetHandle();
        for (const w of batch) w.reject(err);
      }
    }
    writing = null;
  }

  return {
    append(text) {
      pending.push(text);
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      // Written in this loop turn's check phase (setImmediate), not at once: appends made while the turn's I/O
      // callbacks and microtasks run (a turn's lines and state, several turns of one chat) share one write.
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
