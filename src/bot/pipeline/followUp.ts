/**
 * Reads a short message against the previous turn: 那白色呢 after a colour question is a colour question,
 * M码呢 after size advice asks about M, 那顺丰呢 after shipping asks about SF; a bare "170 60kg" or an order
 * number answers what the bot just asked for.
 */
import type { Entity, IntentId } from '../../intents/types.js';
import { namedIn, type Named } from '../shop/catalog.js';
import type { ShopData } from '../shop/schema.js';
import type { Pending, SessionState } from '../session/state.js';
import type { IntentSource } from './turn.js';

type Subject = 'color' | 'size' | 'courier' | 'place';

/** Intents a follow-up on each subject can continue. */
const CONTINUES: Record<Subject, IntentId[]> = {
  color: ['color', 'stock'], size: ['size', 'stock'], courier: ['shipping', 'tracking'], place: ['shipping'],
};
/** The intent a follow-up on a subject means when the previous turn was about something else. */
const DEFAULT_INTENT: Record<Subject, IntentId> = { color: 'color', size: 'stock', courier: 'shipping', place: 'shipping' };

const FOLLOW_UP_ZH = /^(那|那么|还有|换成|如果是|要是|改成)|呢$/;
const FOLLOW_UP_EN = /^(what about|how about|and|or|then|what if)\b/;
const SHORT_ZH = 10;
const SHORT_EN_WORDS = 5;

function isShort(text: string): boolean {
  return /\p{Script=Han}/u.test(text) ? text.replace(/\s/g, '').length <= SHORT_ZH : text.split(' ').length <= SHORT_EN_WORDS;
}

/** True for the shape of a follow-up: short, and 那…呢 / what about …. */
export function looksLikeFollowUp(text: string): boolean {
  return isShort(text) && (FOLLOW_UP_ZH.test(text) || FOLLOW_UP_EN.test(text));
}

function subjectOf(entities: Entity[], named: () => Named): Subject | null {
  if (entities.some((e) => e.kind === 'color')) return 'color';
  if (entities.some((e) => e.kind === 'size' || e.kind === 'shoeSize')) return 'size';
  if (entities.some((e) => e.kind === 'courier') || named().courier) return 'courier';
  if (named().place) return 'place';
  return null;
}

function answersPending(p: Pending, entities: Entity[]): boolean {
  const kinds = new Set(entities.map((e) => e.kind));
  if (p.slot === 'body') return kinds.has('height') || kinds.has('weight');
  if (p.slot === 'foot') return kinds.has('footLength') || kinds.has('shoeSize');
  return kinds.has('orderId');
}

/** The intents of this turn once the previous turn is taken into account, and how they were found. */
export function resolveFollowUp(input: {
  intents: IntentId[]; via: IntentSource; entities: Entity[]; text: string; state: SessionState; shop: ShopData;
  /** The courier and place in the text when the caller has looked them up already (the shop scan is not cheap). */
  named?: Named;
}): { intents: IntentId[]; via: IntentSource } {
  const { intents, via, entities, text, state, shop } = input;
  let found = input.named;
  const named = (): Named => (found ??= namedIn(shop, text));
  const main = intents[0] ?? 'None';
  const pending = state.pending;
  // "订单号是3618…" answers the question just asked; the digits say nothing about the intent, so the rest must be short.
  const withoutValues = entities.reduce((t, e) => t.replace(e.text, ' '), text).trim();
  if (pending && answersPending(pending, entities) && (main === 'None' || main === pending.intent || isShort(withoutValues))) {
    return { intents: [pending.intent], via: 'pending' };
  }
  const previous = state.lastIntents[0];
  const subject = subjectOf(entities, named);
  if (!subject || intents.length > 1) return { intents, via };
  if (!looksLikeFollowUp(text) && main !== 'None') return { intents, via };
  const intent = previous && CONTINUES[subject].includes(previous) ? previous : DEFAULT_INTENT[subject];
  return { intents: [intent], via: 'followUp' };
}
