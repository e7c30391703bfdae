/**
 * Decide stage: answer, ask for a missing fact, say we did not understand, or hand off to a person.
 * A person takes over when the buyer asks for one; when they are angry, complain or threaten a bad review;
 * when money must be decided (damage, wrong or missing item, defect, refund dispute) once the order number is
 * in and a photo was asked for; after two misunderstood messages in a row; and when a store rule says so.
 */
import type { IntentId } from '../../intents/types.js';
import { cue } from '../answers/cues.js';
import { sizeAdvice } from '../answers/vars/size.js';
import { badReviewThreat } from '../extract/mood.js';
import { firstRule } from '../handoff/rules.js';
import { productById } from '../shop/catalog.js';
import type { ShopData } from '../shop/schema.js';
import type { Decision } from '../types.js';
import type { BotTurn, Stage } from './turn.js';

/** Problems whose fix costs money: a person decides, after we have the order number and asked for a photo. */
const NEEDS_PHOTO: ReadonlySet<IntentId> = new Set(['damage', 'quality', 'wrong_item']);

/** Misunderstood messages in a row that send the chat to a person. */
export const NOT_UNDERSTOOD_LIMIT = 2;

function storeRule(turn: BotTurn, shop: ShopData): string | null {
  const { state, intents } = turn;
  const input = { text: turn.norm!.text, entities: turn.entities ?? [], memberLevel: state.memberLevel, intents };
  return firstRule(shop.handoff.rules, input)?.note.zh ?? null;
}

/** Money to decide: which intent of the turn asks for it (a refund only when it is disputed). */
function compensationIntent(turn: BotTurn): IntentId | null {
  const text = turn.norm!.text;
  return turn.intents.find((i) => NEEDS_PHOTO.has(i) || (i === 'refund' && cue('refundDispute', text))) ?? null;
}

/** The verdict, before any state changes; first rule that holds wins. */
function verdict(turn: BotTurn, shop: ShopData): Decision {
  const { intents, state } = turn;
  if (intents.includes('human')) return { kind: 'handoff', reason: 'asked_for_human' };
  if (badReviewThreat(turn.norm!)) return { kind: 'handoff', reason: 'bad_review_threat' };
  if (intents.includes('complaint')) return { kind: 'handoff', reason: 'complaint' };
  if (turn.mood === 'angry') return { kind: 'handoff', reason: 'angry' };
  const rule = storeRule(turn, shop);
  if (rule) return { kind: 'handoff', reason: 'store_rule', detail: rule };
  const money = compensationIntent(turn);
  if (money) {
    if (state.slots.orderId) return { kind: 'handoff', reason: 'compensation', detail: money };
    return { kind: 'ask', intent: money, slot: 'orderId' };
  }
  if (intents.every((i) => i === 'None')) {
    return state.notUnderstood + 1 >= NOT_UNDERSTOOD_LIMIT ? { kind: 'handoff', reason: 'not_understood_twice' } : { kind: 'clarify' };
  }
  if (intents[0] === 'size') {
    const found = sizeAdvice(productById(shop, state.productId), state.slots);
    if ('missing' in found) return { kind: 'ask', intent: 'size', slot: found.missing };
  }
  return { kind: 'answer', intents: intents.filter((i) => i !== 'None') };
}

/** Builds the decide stage; it also updates the chat's state to match the verdict. */
export function makeDecide({ shop }: { shop: ShopData }): Stage {
  return function decideStage(turn) {
    const { state } = turn;
    let decision = verdict(turn, shop);
    // Once with a person, the bot does not queue the chat again; it keeps answering what it can meanwhile.
    if (decision.kind === 'handoff' && state.handoff && decision.reason !== 'asked_for_human') {
      decision = decision.reason === 'not_understood_twice' ? { kind: 'clarify' } : { kind: 'answer', intents: turn.intents };
    }
    state.notUnderstood = decision.kind === 'clarify' || (decision.kind === 'handoff' && decision.reason === 'not_understood_twice')
      ? state.notUnderstood + 1 : 0;
    state.pending = decision.kind === 'ask' ? { intent: decision.intent, slot: decision.slot as 'body' | 'foot' | 'orderId' } : null;
    if (decision.kind === 'ask' && decision.slot === 'orderId') {
      state.orderAsked = true;
      state.photoAsked = state.photoAsked || NEEDS_PHOTO.has(decision.intent);
    }
    if (decision.kind === 'handoff') {
      if (decision.reason === 'compensation') state.photoAsked = true;
      state.handoff = { reason: decision.reason, at: turn.at, ...(decision.detail ? { detail: decision.detail } : {}) };
    }
    turn.decision = decision;
    return turn;
  };
}
