/** Segments: buyers with all of some tags, any of others, none of a third list, and not reached for N days. */
import { DAY_MS } from './days.js';
import { MarketingError } from './errors.js';
import type { BuyerState } from './ledger.js';
import { lastTouch } from './profiles.js';

/** Which buyers a segment holds; every part given must hold (母婴 AND 有过下单咨询, not contacted in 30 days). */
export interface SegmentQuery {
  all?: string[];
  any?: string[];
  none?: string[];
  /** Not reached (chat or follow-up) in at least this many days. */
  idleDays?: number;
}

const MAX_IDLE_DAYS = 3650;

/** Tags from a comma list (母婴,有过下单咨询; full-width commas and 、 too). */
export function tagList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const tags = raw.split(/[,，、]/).map((t) => t.trim()).filter(Boolean);
  return tags.length > 0 ? tags : undefined;
}

/** A segment from text parameters (query string or command line); throws `bad_segment` on nonsense. */
export function parseSegment(p: { tags?: string; any?: string; not?: string; idleDays?: string }): SegmentQuery {
  const q: SegmentQuery = {};
  const all = tagList(p.tags);
  const any = tagList(p.any);
  const none = tagList(p.not);
  if (all) q.all = all;
  if (any) q.any = any;
  if (none) q.none = none;
  if (p.idleDays !== undefined && p.idleDays !== '') {
    const n = Number(p.idleDays);
    if (!Number.isInteger(n) || n < 0 || n > MAX_IDLE_DAYS) {
      throw new MarketingError('bad_segment', `idle days must be a whole number from 0 to ${MAX_IDLE_DAYS}, got "${p.idleDays}"`);
    }
    q.idleDays = n;
  }
  return q;
}

/** True when the buyer belongs to the segment at `now`. */
export function inSegment(b: BuyerState, q: SegmentQuery, now: number): boolean {
  if (q.all && !q.all.every((t) => b.tags.has(t))) return false;
  if (q.any && !q.any.some((t) => b.tags.has(t))) return false;
  if (q.none && q.none.some((t) => b.tags.has(t))) return false;
  if (q.idleDays !== undefined) {
    const touched = lastTouch(b);
    if (touched !== null && now - touched < q.idleDays * DAY_MS) return false;
  }
  return true;
}

/** A one-line description of the segment, for file names and page titles. */
export function describeSegment(q: SegmentQuery): string {
  const parts = [q.all?.join('+'), q.any ? `任一(${q.any.join('/')})` : undefined,
    q.none ? `无(${q.none.join('/')})` : undefined, q.idleDays !== undefined ? `${q.idleDays}天未联系` : undefined];
  return parts.filter(Boolean).join(' ') || '全部买家';
}
