/** A handoff as the rep console shows it: the record plus its place in the waiting line. */
import type { HandoffDesk } from '../../bot/handoff/desk.js';
import type { HandoffRecord } from '../../bot/handoff/types.js';
import type { RepView } from './protocol.js';

/** The view of one record; the place is computed now, since the line changes under it. */
export function repView(desk: HandoffDesk, record: HandoffRecord): RepView {
  return { ...record, place: record.status === 'queued' ? desk.positionOf(record.sessionId)?.place ?? null : null };
}

/** Every open handoff, waiting ones first in queue order. */
export function repSnapshot(desk: HandoffDesk): RepView[] {
  return desk.list().map((r, i) => ({ ...r, place: r.status === 'queued' ? i + 1 : null }));
}
