/** Handoff reasons in words for the note, and how urgent each makes a chat. */
import type { HandoffReason } from '../types.js';

/** The reason as the rep reads it. */
export const REASON_TEXT: Record<HandoffReason, string> = {
  asked_for_human: '要求转人工',
  angry: '情绪激动',
  complaint: '投诉服务',
  bad_review_threat: '差评/投诉威胁',
  compensation: '需定赔偿/售后',
  not_understood_twice: '机器人两次没听懂',
  store_rule: '店铺规则',
};

/** Urgency tiers: lower is served first. Angry buyers and damage come before everyone else. */
export const URGENCY = { hot: 0, money: 1, normal: 2 } as const;

/** Pain labels that count as damage (a parcel broken in transit is the worst after-sale case). */
const DAMAGE_PAIN = new Set(['包裹破损']);

/** The urgency tier of a handoff from its reason, detail and pain point. */
export function urgencyOf(reason: HandoffReason, detail: string | undefined, pain: string | undefined, angry: boolean): number {
  if (angry || reason === 'angry' || reason === 'complaint' || reason === 'bad_review_threat') return URGENCY.hot;
  if (detail === 'damage' || (pain !== undefined && DAMAGE_PAIN.has(pain))) return URGENCY.hot;
  if (reason === 'compensation') return URGENCY.money;
  return URGENCY.normal;
}
