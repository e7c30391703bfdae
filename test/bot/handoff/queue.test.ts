import { describe, expect, it } from 'vitest';
import { estimateWaitMs, nextServiceMs, placeOf, waitingLine } from '../../../src/bot/handoff/queue.js';
import { URGENCY, urgencyOf } from '../../../src/bot/handoff/reasons.js';
import type { HandoffRecord } from '../../../src/bot/handoff/types.js';

const rec = (id: string, urgency: number, createdAt: number, status: HandoffRecord['status'] = 'queued') =>
  ({ id, urgency, createdAt, status }) as HandoffRecord;

describe('the waiting line', () => {
  it('puts urgent chats first, then the longest waiting, and leaves out claimed ones', () => {
    const line = waitingLine([rec('calm-old', 2, 100), rec('angry-new', 0, 900), rec('calm-new', 2, 500), rec('taken', 0, 1, 'claimed'), rec('money', 1, 700)]);
    expect(line.map((r) => r.id)).toEqual(['angry-new', 'money', 'calm-old', 'calm-new']);
    expect(placeOf(line, 'calm-old')).toBe(3);
    expect(placeOf(line, 'taken')).toBeNull();
  });

  it('ranks anger, threats, complaints and damage as most urgent, other compensation next, the rest last', () => {
    expect(urgencyOf('bad_review_threat', undefined, undefined, false)).toBe(URGENCY.hot);
    expect(urgencyOf('asked_for_human', undefined, undefined, true)).toBe(URGENCY.hot);
    expect(urgencyOf('compensation', 'damage', '包裹破损', false)).toBe(URGENCY.hot);
    expect(urgencyOf('asked_for_human', undefined, '包裹破损', false)).toBe(URGENCY.hot);
    expect(urgencyOf('compensation', 'wrong_item', '发错货', false)).toBe(URGENCY.money);
    expect(urgencyOf('asked_for_human', undefined, '尺码不合适', false)).toBe(URGENCY.normal);
    expect(urgencyOf('not_understood_twice', undefined, undefined, false)).toBe(URGENCY.normal);
  });

  it('estimates the wait from the place, the reps online and the service time, and gives none with no rep', () => {
    expect(estimateWaitMs(1, 1, 60_000)).toBe(60_000);
    expect(estimateWaitMs(5, 2, 60_000)).toBe(180_000);
    expect(estimateWaitMs(2, 5, 60_000)).toBe(60_000);
    expect(estimateWaitMs(1, 0, 60_000)).toBeNull();
  });

  it('learns the service time slowly and within bounds', () => {
    expect(nextServiceMs(180_000, 60_000)).toBe(156_000);
    expect(nextServiceMs(180_000, 1)).toBe(150_000);
    expect(nextServiceMs(180_000, 10 * 3600_000)).toBe(504_000);
  });
});
