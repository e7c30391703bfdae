/**
 * Tags reps add and remove in the rep console, logged as rep tag events. The console's desk announces every change
 * of a handoff on the hub (the queue channel, and the holding rep's channel for tags and notes); this follows those
 * announcements and logs the difference in each handoff's rep tags, with the rep who holds it.
 */
import type { HandoffDesk } from '../handoff/desk.js';
import { QUEUE_CHANNEL, repChannel, type Hub, type HubMessage } from '../handoff/hub.js';
import type { HandoffRecord } from '../handoff/types.js';
import type { Marketing } from './index.js';

/** Starts following; returns the function that stops it. */
export function followRepTags({ hub, desk, marketing, log }: {
  hub: Hub; desk: Pick<HandoffDesk, 'list'>; marketing: Marketing; log: (message: string, err?: unknown) => void;
}): () => void {
  const seen = new Map<string, Set<string>>();
  const reps = new Map<string, () => void>();
  const stops: Array<() => void> = [];

  function logChange(op: 'add' | 'remove', record: HandoffRecord, tag: string, by: string): void {
    const input = { sessionId: record.sessionId, tag, by };
    const done = op === 'add' ? marketing.addTag(input) : marketing.removeTag(input);
    done.catch((err: unknown) => log(`marketing log: could not ${op} rep tag "${tag}" of chat ${record.sessionId}`, err));
  }

  function onRecord(record: HandoffRecord): void {
    const before = seen.get(record.id) ?? new Set<string>();
    const now = new Set(record.repTags);
    seen.set(record.id, now);
    const by = record.rep?.user;
    if (!by) return;
    for (const tag of now) if (!before.has(tag)) logChange('add', record, tag, by);
    for (const tag of before) if (!now.has(tag)) logChange('remove', record, tag, by);
  }

  function followRep(user: string): void {
    if (!reps.has(user)) reps.set(user, hub.subscribe(repChannel(user), onMessage));
  }

  function onMessage(message: HubMessage): void {
    if (message.type === 'upsert') {
      if (message.record.rep) followRep(message.record.rep.user);
      onRecord(message.record);
    } else if (message.type === 'removed') {
      seen.delete(message.id);
    }
  }

  // Handoffs open before a restart: their tags are already logged, and their reps may tag more.
  for (const record of desk.list()) {
    seen.set(record.id, new Set(record.repTags));
    if (record.rep) followRep(record.rep.user);
  }
  stops.push(hub.subscribe(QUEUE_CHANNEL, onMessage));
  return function stopFollowing() {
    for (const stop of [...stops, ...reps.values()]) stop();
    reps.clear();
  };
}
