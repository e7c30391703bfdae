/**
 * TagStore as an append-only JSON-lines file (data/runtime/marketing/events.jsonl), written through the chat
 * store's append log (group commit, one kept handle). An append writes only the new lines at the end, so its cost
 * does not grow with the file. A process killed mid-write leaves at most a torn last line: opening the file again
 * cuts it off (so the next line is not glued to it), and reading skips any line that does not parse. Resolved appends have reached the OS, which survives a killed
 * process; `durable: true` also syncs to disk on every append, for power loss, at a cost per write.
 * One process writes (the server); others may read at the same time with `readOnly`, which never touches the file.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createAppendLog } from '../../store/append-log.js';
import type { MarketingEvent, TagStore } from '../types.js';

/** Options of the file store. */
export interface FileTagStoreOptions {
  file: string;
  /** Sync each append to disk (survives power loss, not only a killed process). */
  durable?: boolean;
  /** For readers beside the writing server (the export command): appends are refused, the file is never cut. */
  readOnly?: boolean;
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

/** Opens (or starts) the event file; it is opened (and a torn last line cut off) on the first append. */
export function createFileTagStore({ file, durable = false, readOnly = false }: FileTagStoreOptions): TagStore {
  // Appends made in the same loop turn (every turn's events of a busy tick) go out together in one write.
  const log = createAppendLog(file, { durable });

  function append(events: MarketingEvent[]): Promise<void> {
    if (readOnly) return Promise.reject(new Error(`${file} is open read-only`));
    if (events.length === 0) return log.idle();
    let text = '';
    for (const e of events) text += `${JSON.stringify(e)}\n`;
    return log.append(text);
  }

  async function* scan(): AsyncIterable<MarketingEvent[]> {
    await log.idle();
    if (!existsSync(file)) return;
    for await (const lines of fileLines(file)) {
      const events = parseLines(lines);
      if (events.length > 0) yield events;
    }
  }

  return {
    append,
    scan,
    close: () => log.close(),
  };
}
