/**
 * The follow-up schedule from the domain practice: a coupon 30 days after the buyer's first order question; if no
 * purchase follows the coupon, a targeted offer 30 days later (day 60, or 30 days after a late coupon); then stop.
 * The app says who is due on the store's calendar day; people send the messages and mark them done.
 */
import { DAY_MS, dayNumber } from './days.js';
import type { BuyerState } from './ledger.js';
import { ORDER_QUESTION } from './tagNames.js';
import type { FollowUpStep } from './types.js';

export const COUPON_AFTER_DAYS = 30;
export const OFFER_AFTER_DAYS = 30;

/** The step a buyer waits for next, and from when. */
export interface NextFollowUp {
  step: FollowUpStep;
  dueAt: number;
  /** The first order question, where the clock started. */
  askedAt: number;
}

/** The buyer's next follow-up, or null when none is planned (never asked, a rep removed the tag, or finished). */
export function nextFollowUp(b: BuyerState): NextFollowUp | null {
  const askedAt = b.orderQuestionAt;
  if (askedAt === null || !b.tags.has(ORDER_QUESTION)) return null;
  if (b.followUps.offer !== undefined) return null;
  const coupon = b.followUps.coupon;
  if (coupon === undefined) return { step: 'coupon', dueAt: askedAt + COUPON_AFTER_DAYS * DAY_MS, askedAt };
  // A purchase after the coupon means it worked: no offer.
  if (b.lastPurchaseAt !== null && b.lastPurchaseAt > coupon) return null;
  const dueAt = Math.max(askedAt + (COUPON_AFTER_DAYS + OFFER_AFTER_DAYS) * DAY_MS, coupon + OFFER_AFTER_DAYS * DAY_MS);
  return { step: 'offer', dueAt, askedAt };
}

/** True when the step falls on or before the store's calendar day of `now` (overdue ones stay due). */
export function isDue(next: NextFollowUp, now: number): boolean {
  return dayNumber(next.dueAt) <= dayNumber(now);
}
