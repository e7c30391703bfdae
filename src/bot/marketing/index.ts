/**
 * Marketing over the tag event log: records what each chat turn yields, takes reps' hand-made tags, and answers
 * operations: profiles, segments, the follow-ups due today, figures for the page, and exports.
 */
import type { Turn } from '../types.js';
import { formatRows, type ExportFormat } from './csv.js';
import { MarketingError } from './errors.js';
import { DUE_COLUMNS, EVENT_COLUMNS, PROFILE_COLUMNS, type DueItem, type ExportKind } from './export.js';
import { createLedger, type Ledger } from './ledger.js';
import { toProfile, type BuyerProfile } from './profiles.js';
import { eventsForTurn, loggedMessage } from './record.js';
import { checkRepTag } from './repTags.js';
import { isDue, nextFollowUp } from './schedule.js';
import { inSegment, type SegmentQuery } from './segments.js';
import { tagCounts, topPainPoints, type PainCount, type TagSeries } from './stats.js';
import type { FollowUpEvent, FollowUpStep, MarketingEvent, TagEvent, TagStore } from './types.js';

/** The marketing service the server, the observer and the export command use. */
export interface Marketing {
  /** Logs a finished turn's tags and contact; returns the events written. */
  recordTurn(turn: Turn): Promise<MarketingEvent[]>;
  /** A rep tags a buyer by hand (source 'rep'); the buyer is named, or found from the chat. */
  addTag(input: RepTagInput & { tag: unknown; message?: string }): Promise<TagEvent>;
  /** A rep takes a tag off a buyer. */
  removeTag(input: RepTagInput & { tag: string }): Promise<TagEvent>;
  profile(buyerId: string): BuyerProfile | null;
  /** Buyers in the segment, most recently reached first. */
  segment(query: SegmentQuery): BuyerProfile[];
  /** Follow-ups due on the store's day of `clock()`, oldest due first. */
  due(): DueItem[];
  markDone(input: { buyerId: string; step: FollowUpStep; by: string }): Promise<FollowUpEvent>;
  tagCounts(opts?: { days?: number; top?: number; tags?: string[] }): TagSeries;
  painPoints(opts?: { days?: number; top?: number }): PainCount[];
  /** An export as text chunks; `events` may be narrowed to a segment's buyers. */
  exportChunks(kind: ExportKind, format: ExportFormat, query?: SegmentQuery): AsyncIterable<string>;
  /** How many events the log holds. */
  readonly size: number;
  close(): Promise<void>;
}

/** Who a rep tags: a buyer id, or the chat the rep is in (the rep console knows chats, not buyers). */
export interface RepTagInput {
  buyerId?: string;
  sessionId?: string | null;
  /** The staff user. */
  by: string;
}

/** Replays the log into memory and returns the service. */
export async function openMarketing({ store, clock = Date.now }: { store: TagStore; clock?: () => number }): Promise<Marketing> {
  const ledger: Ledger = createLedger();
  for await (const page of store.scan()) for (const e of page) ledger.apply(e);

  /** Applies first (so the next turn sees it at once), then writes. */
  async function commit<T extends MarketingEvent>(events: T[]): Promise<T[]> {
    for (const e of events) ledger.apply(e);
    await store.append(events);
    return events;
  }

  const known = ({ buyerId, sessionId }: RepTagInput) => {
    const id = buyerId ?? (sessionId ? ledger.buyerOf(sessionId) : null);
    const b = id ? ledger.buyers.get(id) : undefined;
    if (!b || b.firstContact === null) throw new MarketingError('unknown_buyer', `no buyer ${buyerId ?? `for chat ${sessionId}`} in the log`);
    return b;
  };

  function due(): DueItem[] {
    const now = clock();
    const items: DueItem[] = [];
    for (const b of ledger.buyers.values()) {
      const next = nextFollowUp(b);
      if (next && isDue(next, now)) items.push({ ...next, buyerId: b.buyerId, tags: [...b.tags.keys()], lastContact: b.lastContact });
    }
    return items.sort((x, y) => x.dueAt - y.dueAt || x.buyerId.localeCompare(y.buyerId));
  }

  function segment(query: SegmentQuery): BuyerProfile[] {
    const now = clock();
    return [...ledger.buyers.values()].filter((b) => inSegment(b, query, now)).map(toProfile)
      .sort((x, y) => (y.lastTouch ?? 0) - (x.lastTouch ?? 0) || x.buyerId.localeCompare(y.buyerId));
  }

  async function* tagEvents(query: SegmentQuery): AsyncIterable<TagEvent[]> {
    const narrowed = Object.keys(query).length > 0;
    const buyers = narrowed ? new Set(segment(query).map((p) => p.buyerId)) : null;
    for await (const page of store.scan()) {
      yield page.filter((e): e is TagEvent => e.kind === 'tag' && (!buyers || buyers.has(e.buyerId)));
    }
  }

  return {
    get size() { return ledger.events; },
    recordTurn: (turn) => commit(eventsForTurn(turn, ledger)),
    async addTag({ tag, by, sessionId = null, message = '', ...who }) {
      const clean = checkRepTag(tag);
      const { buyerId } = known({ ...who, sessionId, by });
      const [e] = await commit<TagEvent>([{
        kind: 'tag', op: 'add', buyerId, sessionId, tag: clean, source: 'rep', by, message: loggedMessage(message), at: clock(),
      }]);
      return e!;
    },
    async removeTag({ tag, by, ...who }) {
      const { buyerId, tags } = known({ ...who, by });
      if (!tags.has(tag)) throw new MarketingError('not_tagged', `buyer ${buyerId} has no tag ${tag}`);
      const [e] = await commit<TagEvent>([{
        kind: 'tag', op: 'remove', buyerId, sessionId: who.sessionId ?? null, tag, source: 'rep', by, message: '', at: clock(),
      }]);
      return e!;
    },
    profile(buyerId) {
      const b = ledger.buyers.get(buyerId);
      return b ? toProfile(b) : null;
    },
    segment,
    due,
    async markDone({ buyerId, step, by }) {
      const b = ledger.buyers.get(buyerId);
      const next = b ? nextFollowUp(b) : null;
      if (!next || next.step !== step || !isDue(next, clock())) throw new MarketingError('not_due', `no ${step} follow-up due today for ${buyerId}`);
      const [e] = await commit<FollowUpEvent>([{ kind: 'followup', buyerId, step, by, at: clock() }]);
      return e!;
    },
    tagCounts: (opts = {}) => tagCounts(ledger, { now: clock(), days: opts.days ?? 30, top: opts.top ?? 6, ...(opts.tags ? { tags: opts.tags } : {}) }),
    painPoints: (opts = {}) => topPainPoints(ledger, { now: clock(), days: opts.days ?? 7, top: opts.top ?? 10 }),
    exportChunks(kind, format, query = {}) {
      if (kind === 'segment') return formatRows([segment(query)], PROFILE_COLUMNS, format);
      if (kind === 'due') return formatRows([due()], DUE_COLUMNS, format);
      return formatRows(tagEvents(query), EVENT_COLUMNS, format);
    },
    close: () => store.close(),
  };
}

export type { BuyerProfile } from './profiles.js';
export type { DueItem, ExportKind } from './export.js';
export type { ExportFormat } from './csv.js';
export type { SegmentQuery } from './segments.js';
export type { MarketingEvent, TagEvent, TagStore, FollowUpStep } from './types.js';
export { MarketingError, type MarketingErrorCode } from './errors.js';
