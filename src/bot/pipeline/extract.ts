/**
 * Extract stage: entities, then the message read against the chat (follow-ups, answers to what the bot asked),
 * the facts worth keeping (measurements, order number, product in focus), and what the rep and marketing need:
 * mood, tags, buyer type and pain point.
 */
import type { Entity, Nlu, Normalised } from '../../intents/types.js';
import { describeBuyer } from '../extract/buyerType.js';
import { detectMood } from '../extract/mood.js';
import { findPainPoint } from '../extract/painPoint.js';
import { extractTags, type TagRule } from '../extract/tags.js';
import { claimedLevel, findProduct, namedIn, type Named } from '../shop/catalog.js';
import type { Product, ShopData } from '../shop/schema.js';
import type { SessionState } from '../session/state.js';
import type { Mood, TagHit } from '../types.js';
import { resolveFollowUp } from './followUp.js';
import type { Stage } from './turn.js';

/** Keeps what the buyer told us, so later turns need not ask again. */
function rememberFacts(state: SessionState, entities: Entity[], tags: TagHit[], facts: TextFacts): void {
  const { slots } = state;
  for (const e of entities) {
    if (e.kind === 'height' && typeof e.value === 'number') slots.height = e.value;
    else if (e.kind === 'weight' && typeof e.value === 'number') slots.weight = e.value;
    else if (e.kind === 'footLength' && typeof e.value === 'number') slots.footLength = e.value;
    else if (e.kind === 'orderId') slots.orderId = String(e.value);
    else if (e.kind === 'color') slots.color = String(e.value);
    else if (e.kind === 'size' || e.kind === 'shoeSize') slots.size = String(e.value).toUpperCase();
    else if (e.kind === 'courier') slots.courier = String(e.value);
  }
  // The tagger knows when a size is the one the buyer usually wears (平时穿M), not one they ask about.
  for (const { tag } of tags) {
    const usual = /^平时穿(.+)$/.exec(tag)?.[1];
    if (usual) slots.usualSize = usual.toUpperCase();
    const shoe = /^鞋码(\d+(?:\.\d+)?)$/.exec(tag)?.[1];
    if (shoe) slots.shoeSize = Number(shoe);
  }
  const { place, courier } = facts.named;
  if (place) slots.place = place.place.zh;
  if (courier) slots.courier = courier.id;
  if (facts.product) state.productId = facts.product.id;
  state.memberLevel = facts.level ?? state.memberLevel;
}

/** What the text alone tells, whoever sent it: the shop's names in it, and the buyer's mood. */
interface TextFacts {
  named: Named;
  product: Product | null;
  level: string | null;
  mood: Mood;
}

/** Adds new tags to the chat's tags (each tag once), so the buyer description sees the whole chat. */
function mergeTags(chat: TagHit[], fresh: TagHit[]): TagHit[] {
  const known = new Set(chat.map((t) => t.tag));
  return [...chat, ...fresh.filter((t) => !known.has(t.tag))];
}

/** Builds the extract stage. */
export function makeExtract({ nlu, shop, rules }: { nlu: Nlu; shop: ShopData; rules: TagRule[] }): Stage {
  // Kept per normalised text: the language layer hands back the same Normalised (and entities) for a text sent
  // again (src/intents/memo.ts), so 包邮吗 from a thousand buyers scans the shop's tables once. The shop is fixed
  // for the bot's life; tag rules are not (trainers edit them), so tags are not kept here.
  const known = new WeakMap<Normalised, TextFacts>();
  function factsOf(norm: Normalised, entities: Entity[]): TextFacts {
    let facts = known.get(norm);
    if (!facts) {
      facts = {
        named: namedIn(shop, norm.text),
        product: findProduct(shop, norm.text), level: claimedLevel(shop, norm.text), mood: detectMood(norm, entities),
      };
      known.set(norm, facts);
    }
    return facts;
  }

  return function extractStage(turn) {
    const norm = turn.norm!;
    const { state } = turn;
    const entities = nlu.extract(norm);
    turn.entities = entities;
    // Looked up once for the follow-up reading, the facts kept and the shipping answer (each scans the shop's tables).
    const facts = factsOf(norm, entities);
    const { named } = facts;
    turn.named = named;
    const resolved = resolveFollowUp({ intents: turn.intents, via: turn.via, entities, text: norm.text, state, shop, named });
    turn.intents = resolved.intents;
    turn.via = resolved.via;
    turn.extraIntents = turn.intents.slice(1);

    const { mood } = facts;
    const tags = extractTags({ norm, entities, intent: turn.intents[0] ?? 'None', rules });
    rememberFacts(state, entities, tags, facts);
    state.tags = mergeTags(state.tags, tags);
    const level = shop.membership.levels.find((l) => l.id === state.memberLevel);
    turn.mood = mood;
    turn.tags = tags;
    turn.buyerType = describeBuyer({
      history: turn.history, priorChats: state.priorChats ?? 0, memberLevel: level ? level.name.zh : null, tags: state.tags, mood,
      messages: state.turns + 1, norm,
    });
    turn.painPoint = findPainPoint({ intents: turn.intents, norm, entities, tags: state.tags });
    return turn;
  };
}
