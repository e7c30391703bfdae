/**
 * What the event log adds up to, kept in memory and updated per event: each buyer's current tags and contacts,
 * which chat already gave which tag, and per-day counts for the operations chart. Built once by replaying the
 * log at start, so queries never read the file.
 */
import { dayKeyOf, dayNumber } from './days.js';
import { ORDER_QUESTION, PURCHASED } from './tagNames.js';
import type { FollowUpStep, MarketingEvent, TagEvent, TagSource } from './types.js';

/** A tag a buyer has now. */
export interface CurrentTag {
  tag: string;
  source: TagSource;
  /** When it was (last) given. */
  since: number;
  by?: string;
}

/** Everything known about one buyer. */
export interface BuyerState {
  buyerId: string;
  /** First and last buyer message (null for a buyer only tagged by hand). */
  firstContact: number | null;
  lastContact: number | null;
  sessions: Set<string>;
  handoffSessions: Set<string>;
  tags: Map<string, CurrentTag>;
  /** First time the buyer asked an order question: the follow-up clock starts here. */
  orderQuestionAt: number | null;
  lastPurchaseAt: number | null;
  followUps: Partial<Record<FollowUpStep, number>>;
}

/** The in-memory view of the log. */
export interface Ledger {
  readonly buyers: ReadonlyMap<string, BuyerState>;
  /** Day (YYYY-MM-DD) → tag → buyers who got it that day. */
  readonly tagDays: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  /** Day → pain point → chats that had it that day. */
  readonly painDays: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  /** How many events were applied. */
  readonly events: number;
  apply(event: MarketingEvent): void;
  /** True when this chat already logged the tag. */
  sessionHas(sessionId: string, tag: string): boolean;
  /** The buyer a chat belongs to, once the chat has logged a turn. */
  buyerOf(sessionId: string): string | null;
}

function newBuyer(buyerId: string): BuyerState {
  return {
    buyerId, firstContact: null, lastContact: null, sessions: new Set(), handoffSessions: new Set(),
    tags: new Map(), orderQuestionAt: null, lastPurchaseAt: null, followUps: {},
  };
}

/** Day keys by day number: formatting a date for every event of a long log is most of a replay's cost. */
const dayKeys = new Map<number, string>();
function cachedDayKey(at: number): string {
  const n = dayNumber(at);
  let key = dayKeys.get(n);
  if (key === undefined) dayKeys.set(n, (key = dayKeyOf(n)));
  return key;
}

function countIn(days: Map<string, Map<string, Set<string>>>, at: number, key: string, member: string): void {
  const day = cachedDayKey(at);
  let byKey = days.get(day);
  if (!byKey) days.set(day, (byKey = new Map()));
  let members = byKey.get(key);
  if (!members) byKey.set(key, (members = new Set()));
  members.add(member);
}

/** An empty ledger; feed it the log with apply(). */
export function createLedger(): Ledger {
  const buyers = new Map<string, BuyerState>();
  const sessionTags = new Map<string, Set<string>>();
  const sessionBuyer = new Map<string, string>();
  const tagDays = new Map<string, Map<string, Set<string>>>();
  const painDays = new Map<string, Map<string, Set<string>>>();
  let events = 0;

  const buyer = (id: string): BuyerState => {
    let b = buyers.get(id);
    if (!b) buyers.set(id, (b = newBuyer(id)));
    return b;
  };

  function applyTag(e: TagEvent, b: BuyerState): void {
    if (e.op === 'remove') {
      b.tags.delete(e.tag);
      return;
    }
    b.tags.set(e.tag, { tag: e.tag, source: e.source, since: e.at, ...(e.by ? { by: e.by } : {}) });
    if (e.sessionId) {
      let seen = sessionTags.get(e.sessionId);
      if (!seen) sessionTags.set(e.sessionId, (seen = new Set()));
      seen.add(e.tag);
    }
    if (e.tag === ORDER_QUESTION && b.orderQuestionAt === null) b.orderQuestionAt = e.at;
    if (e.tag === PURCHASED) b.lastPurchaseAt = Math.max(b.lastPurchaseAt ?? e.at, e.at);
    countIn(tagDays, e.at, e.tag, b.buyerId);
  }

  return {
    buyers, tagDays, painDays,
    get events() { return events; },
    apply(e) {
      events += 1;
      const b = buyer(e.buyerId);
      if (e.kind === 'tag') return applyTag(e, b);
      if (e.kind === 'followup') {
        b.followUps[e.step] = e.at;
        return;
      }
      b.firstContact = Math.min(b.firstContact ?? e.at, e.at);
      b.lastContact = Math.max(b.lastContact ?? e.at, e.at);
      b.sessions.add(e.sessionId);
      sessionBuyer.set(e.sessionId, e.buyerId);
      if (e.handoff) b.handoffSessions.add(e.sessionId);
      if (e.pain) countIn(painDays, e.at, e.pain, e.sessionId);
    },
    sessionHas: (sessionId, tag) => sessionTags.get(sessionId)?.has(tag) ?? false,
    buyerOf: (sessionId) => sessionBuyer.get(sessionId) ?? null,
  };
}
