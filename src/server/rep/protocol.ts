/**
 * The rep console's wire protocol on /ws/rep, typed once. parseRepFrame() is the only place that checks a frame's
 * shape; the desk checks the values (lengths, outcomes) and that the rep holds the chat.
 */
import type { HandoffRecord } from '../../bot/handoff/types.js';
import type { ChatLine } from '../../bot/types.js';

/** Rep → server: an action on one handoff. `ref` is echoed in the answer so the console can match it. */
export type RepAction =
  | { type: 'claim'; id: string }
  | { type: 'reply'; id: string; text: string }
  | { type: 'tag'; id: string; tag: string }
  | { type: 'untag'; id: string; tag: string }
  | { type: 'note'; id: string; text: string }
  | { type: 'close'; id: string; outcome: string };

export type RepClientFrame = RepAction & { ref?: number };

/** A handoff as a rep sees it: the record, its place in the queue, and the server's clock for waiting times. */
export type RepView = HandoffRecord & { place: number | null };

/** Server → rep. */
export type RepServerFrame =
  | { type: 'hello'; user: string; name: string; online: number; now: number }
  | { type: 'snapshot'; items: RepView[]; now: number }
  | { type: 'upsert'; item: RepView; now: number }
  | { type: 'removed'; id: string }
  | { type: 'line'; id: string; line: ChatLine }
  | { type: 'presence'; online: number }
  | { type: 'ack'; ref?: number; action: RepAction['type']; id: string }
  | { type: 'error'; ref?: number; code: string; message: string };

const ACTIONS: Record<RepAction['type'], string | null> = {
  claim: null, reply: 'text', tag: 'tag', untag: 'tag', note: 'text', close: 'outcome',
};

/** Checks one frame from a rep; returns the action or an error frame to send back. */
export function parseRepFrame(data: string): { ok: true; frame: RepClientFrame } | { ok: false; error: RepServerFrame } {
  const fail = (code: string, message: string) => ({ ok: false as const, error: { type: 'error' as const, code, message } });
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return fail('bad_json', 'frame is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('bad_frame', 'frame must be an object');
  const obj = value as Record<string, unknown>;
  const type = obj.type;
  if (typeof type !== 'string' || !Object.hasOwn(ACTIONS, type)) return fail('unknown_type', 'unknown frame type');
  if (typeof obj.id !== 'string' || obj.id.length > 64) return fail('bad_frame', 'frame needs a handoff "id"');
  const field = ACTIONS[type as RepAction['type']];
  if (field !== null && typeof obj[field] !== 'string') return fail('bad_frame', `frame needs a "${field}" string`);
  const ref = typeof obj.ref === 'number' && Number.isSafeInteger(obj.ref) ? obj.ref : undefined;
  const frame = { type, id: obj.id, ...(field ? { [field]: obj[field] } : {}), ...(ref !== undefined ? { ref } : {}) };
  return { ok: true, frame: frame as RepClientFrame };
}
