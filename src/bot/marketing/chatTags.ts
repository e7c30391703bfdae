/** Tags a chat yields beyond the message's own: intents asked, order question, purchase, handoff, complaint, buyer type. */
import type { IntentId } from '../../intents/types.js';
import { buyerTags } from '../extract/buyerType.js';
import type { TagHit, Turn } from '../types.js';
import {
  COMPLAINT, HANDOFF, INTENT_TAGS, ORDER_INTENTS, ORDER_QUESTION, POST_ORDER_INTENTS, PURCHASED,
} from './tagNames.js';

const COMPLAINT_REASONS = new Set(['complaint', 'bad_review_threat']);

/** The intents a finished turn answered or asked about: the decision's, else the classifier's. */
export function turnIntents(turn: Turn): IntentId[] {
  const d = turn.decision;
  const found: IntentId[] = [];
  if (d?.kind === 'answer') found.push(...d.intents);
  else if (d?.kind === 'ask') found.push(d.intent);
  if (turn.classification) found.push(turn.classification.intent);
  found.push(...(turn.extraIntents ?? []));
  return [...new Set(found)].filter((i) => i !== 'None');
}

/** Chat-level tags of one finished turn; `source: 'model'` marks those read off the classifier's intents. */
export function chatTags(turn: Turn): TagHit[] {
  const intents = turnIntents(turn);
  const out: TagHit[] = [];
  const add = (tag: string, source: TagHit['source'], because: string): void => {
    if (!out.some((t) => t.tag === tag)) out.push({ tag, source, because });
  };
  for (const intent of intents) {
    const tag = INTENT_TAGS[intent];
    if (tag) add(tag, 'model', `intent:${intent}`);
  }
  const order = intents.find((i) => ORDER_INTENTS.has(i));
  if (order) add(ORDER_QUESTION, 'model', `intent:${order}`);
  const after = intents.find((i) => POST_ORDER_INTENTS.has(i));
  if (after) add(PURCHASED, 'model', `intent:${after}`);
  else if (turn.entities?.some((e) => e.kind === 'orderId')) add(PURCHASED, 'rule', 'entity:orderId');
  const d = turn.decision;
  if (d?.kind === 'handoff') add(HANDOFF, 'rule', `handoff:${d.reason}`);
  if (intents.includes('complaint')) add(COMPLAINT, 'model', 'intent:complaint');
  else if (d?.kind === 'handoff' && COMPLAINT_REASONS.has(d.reason)) add(COMPLAINT, 'rule', `handoff:${d.reason}`);
  if (turn.buyerType) for (const hit of buyerTags(turn.buyerType)) add(hit.tag, hit.source, hit.because ?? 'buyerType');
  return out;
}
