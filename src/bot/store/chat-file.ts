/**
 * The text of one chat's append-only file: one JSON record a line. The first says who the chat is
 * ({"open": SessionRecord}); each later one carries lines to add and/or the new state ({"lines": […], "state": …}),
 * so a turn's lines and its state change land in one write and survive or vanish together.
 */
import type { SessionState } from '../session/state.js';
import type { ChatLine } from '../types.js';
import type { SessionRecord } from './types.js';

/** A change to a chat: lines added, state replaced (as its JSON text), or both. */
export interface ChatChange { lines?: ChatLine[]; stateJson?: string }

/** What a chat file holds once replayed. */
export interface ReplayedChat {
  record: SessionRecord;
  lines: ChatLine[];
}

/** The file's first line. */
export function openRecord(record: SessionRecord): string {
  return `${JSON.stringify({ open: record })}\n`;
}

/** One line for changes made together; later states replace earlier ones, lines keep their order. */
export function changeRecord(changes: readonly ChatChange[]): string {
  const lines: ChatLine[] = [];
  let stateJson: string | undefined;
  for (const c of changes) {
    if (c.lines) for (const l of c.lines) lines.push(l);
    if (c.stateJson !== undefined) stateJson = c.stateJson;
  }
  const parts = [
    ...(lines.length > 0 ? [`"lines":${JSON.stringify(lines)}`] : []),
    ...(stateJson !== undefined ? [`"state":${stateJson}`] : []),
  ];
  return `{${parts.join(',')}}\n`;
}

/**
 * Replays a chat file. Text after the last newline is a record still being written (or torn by a crash) and is
 * left out; so is any line that does not parse. Null when the file does not open the chat `id`.
 */
export function replayChat(text: string, id: string): ReplayedChat | null {
  const end = text.lastIndexOf('\n');
  if (end < 0) return null;
  let record: SessionRecord | null = null;
  const lines: ChatLine[] = [];
  for (const raw of text.slice(0, end).split('\n')) {
    let parsed: { open?: SessionRecord; lines?: ChatLine[]; state?: SessionState };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      continue;
    }
    if (record === null) {
      if (parsed.open?.id !== id) return null;
      record = parsed.open;
      continue;
    }
    if (parsed.lines) for (const l of parsed.lines) lines.push(l);
    if (parsed.state) record.state = parsed.state;
  }
  return record ? { record, lines } : null;
}
