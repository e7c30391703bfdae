/** Turns a finished chat turn into log events: one turn event, plus each tag the chat had not logged yet. */
import { maskPii } from '../../intents/mask.js';
import type { TagHit, Turn } from '../types.js';
import { chatTags } from './chatTags.js';
import type { Ledger } from './ledger.js';
import { NEW_BUYER, RETURNING_BUYER } from './tagNames.js';
import type { MarketingEvent, TagEvent } from './types.js';

/** Longest message kept with a tag event: enough to see why, short enough for a spreadsheet cell. */
export const MAX_LOGGED_MESSAGE = 300;

/** The buyer's message as logged: masked first, then cut, so a cut never leaves half a phone number visible. */
export function loggedMessage(raw: string): string {
  return maskPii(raw).slice(0, MAX_LOGGED_MESSAGE);
}

/** The events a turn adds to the log, given what the log already holds. */
export function eventsForTurn(turn: Turn, ledger: Ledger): MarketingEvent[] {
  const { buyerId, sessionId, at } = turn;
  const d = turn.decision;
  const events: MarketingEvent[] = [{
    kind: 'turn', buyerId, sessionId, at,
    intent: d?.kind === 'answer' ? d.intents[0] ?? null : d?.kind === 'ask' ? d.intent : turn.classification?.intent ?? null,
    handoff: d?.kind === 'handoff' ? d.reason : null,
    pain: turn.painPoint?.label ?? null,
  }];
  const hits: TagHit[] = [...(turn.tags ?? []), ...chatTags(turn)];
  const current = ledger.buyers.get(buyerId)?.tags;
  let message: string | null = null;
  const seen = new Set<string>();
  for (const hit of hits) {
    if (seen.has(hit.tag)) continue;
    seen.add(hit.tag);
    // Once per chat, unless a rep removed it since: then the buyer saying it again counts again.
    if (ledger.sessionHas(sessionId, hit.tag) && current?.has(hit.tag)) continue;
    // A buyer known to have ordered before stays a returning one in a chat that cannot see the history.
    if (hit.tag === NEW_BUYER && current?.has(RETURNING_BUYER)) continue;
    message ??= loggedMessage(turn.raw);
    const e: TagEvent = { kind: 'tag', op: 'add', buyerId, sessionId, tag: hit.tag, source: hit.source, message, at };
    if (hit.because) e.because = hit.because;
    events.push(e);
  }
  // A returning buyer is no longer a first-time one.
  if (seen.has(RETURNING_BUYER) && current?.has(NEW_BUYER)) {
    events.push({ kind: 'tag', op: 'remove', buyerId, sessionId, tag: NEW_BUYER, source: 'rule', because: RETURNING_BUYER, message: message ?? '', at });
  }
  return events;
}
