/** A buyer's profile as operations sees it: current tags, first and last contact, chats, handoffs, follow-ups. */
import type { BuyerState, CurrentTag } from './ledger.js';
import type { FollowUpStep } from './types.js';

/** A plain, JSON-ready view of one buyer. */
export interface BuyerProfile {
  buyerId: string;
  /** Oldest first. */
  tags: CurrentTag[];
  firstContact: number | null;
  lastContact: number | null;
  /** Last time the store reached the buyer: a chat or a follow-up sent. */
  lastTouch: number | null;
  chats: number;
  handoffs: number;
  orderQuestionAt: number | null;
  lastPurchaseAt: number | null;
  followUps: Partial<Record<FollowUpStep, number>>;
}

/** Latest of a chat message and a follow-up sent, or null for a buyer never reached. */
export function lastTouch(b: BuyerState): number | null {
  const times = [b.lastContact, b.followUps.coupon, b.followUps.offer].filter((t): t is number => typeof t === 'number');
  return times.length > 0 ? Math.max(...times) : null;
}

/** The profile of a buyer's state. */
export function toProfile(b: BuyerState): BuyerProfile {
  return {
    buyerId: b.buyerId,
    tags: [...b.tags.values()].sort((x, y) => x.since - y.since).map((t) => ({ ...t })),
    firstContact: b.firstContact,
    lastContact: b.lastContact,
    lastTouch: lastTouch(b),
    chats: b.sessions.size,
    handoffs: b.handoffSessions.size,
    orderQuestionAt: b.orderQuestionAt,
    lastPurchaseAt: b.lastPurchaseAt,
    followUps: { ...b.followUps },
  };
}
