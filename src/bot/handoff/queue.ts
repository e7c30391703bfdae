/** The waiting line: who is served first (urgency, then waiting time), a buyer's place, and the wait to expect. */
import type { HandoffRecord } from './types.js';

/** Expected time a rep spends per chat before learning from real closes. */
export const DEFAULT_SERVICE_MS = 3 * 60_000;

/** Queue order: most urgent first, then who has waited longest; the id breaks ties so the order is stable. */
export function byUrgency(a: HandoffRecord, b: HandoffRecord): number {
  return a.urgency - b.urgency || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Waiting handoffs in the order reps should take them. */
export function waitingLine(records: Iterable<HandoffRecord>): HandoffRecord[] {
  return [...records].filter((r) => r.status === 'queued').sort(byUrgency);
}

/** A buyer's place in the waiting line (1 is next), or null when the handoff is not waiting. */
export function placeOf(line: HandoffRecord[], id: string): number | null {
  const i = line.findIndex((r) => r.id === id);
  return i < 0 ? null : i + 1;
}

/**
 * Expected wait for the buyer at `place`: each online rep frees up once per service time, so the buyer waits
 * about ceil(place / reps) service times; with no rep online there is no estimate (null).
 */
export function estimateWaitMs(place: number, repsOnline: number, serviceMs: number): number | null {
  if (repsOnline <= 0) return null;
  return Math.ceil(place / repsOnline) * serviceMs;
}

/** Learns the service time from closed chats: a moving average, so a slow evening shows in the estimates. */
export function nextServiceMs(current: number, observed: number): number {
  const clamped = Math.min(Math.max(observed, 30_000), 30 * 60_000);
  return Math.round(current * 0.8 + clamped * 0.2);
}
