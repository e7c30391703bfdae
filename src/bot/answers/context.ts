/** What a reply's values are computed from, and the values every template may use. */
import type { Entity, IntentId } from '../../intents/types.js';
import type { Named } from '../shop/catalog.js';
import type { Product, ShopData } from '../shop/schema.js';
import type { Lang } from '../shop/text.js';
import type { SessionState } from '../session/state.js';
import type { Decision } from '../types.js';
import type { Vars } from './render.js';

export interface AnswerContext {
  shop: ShopData;
  lang: Lang;
  /** The product in focus (named in the chat, or the store's featured one). */
  product: Product;
  state: SessionState;
  entities: Entity[];
  /** Normalised text of the buyer's message. */
  text: string;
  /** The courier and place `text` names, when the extract stage has looked them up already. */
  named?: Named | undefined;
  now: number;
  intent: IntentId;
  decision: Decision;
  /** Set when greeting a chat reopened from an earlier visit. */
  resumed?: boolean;
}

/** Computes an intent's template values. */
export type VarsBuilder = (ctx: AnswerContext) => Vars;

/** Values every template may use: the store, the persona, the product in focus, the handoff verdict. */
export function commonVars(ctx: AnswerContext): Vars {
  const { shop, lang, product, decision, state } = ctx;
  const reason = decision.kind === 'handoff' ? decision.reason : null;
  return {
    'store.name': shop.store.name[lang],
    persona: shop.store.persona[lang],
    personaTitle: shop.store.personaTitle[lang],
    serviceHours: shop.store.serviceHours[lang],
    'product.name': product.name[lang],
    'product.price': product.price,
    'product.category': product.category[lang],
    handoff: reason !== null,
    askedHuman: reason === 'asked_for_human',
    angry: reason === 'angry',
    badReview: reason === 'bad_review_threat',
    storeRule: reason === 'store_rule',
    notUnderstoodTwice: reason === 'not_understood_twice',
    ruleNote: ruleNote(ctx),
    orderId: state.slots.orderId ?? '',
    hasOrder: Boolean(state.slots.orderId),
  };
}

/** The buyer-facing note of the store rule that sent the chat to a person (decision.detail holds its zh text). */
function ruleNote({ shop, lang, decision }: AnswerContext): string {
  if (decision.kind !== 'handoff' || decision.reason !== 'store_rule') return '';
  return shop.handoff.rules.find((r) => r.note.zh === decision.detail)?.note[lang] ?? '';
}
