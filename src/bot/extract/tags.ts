/** Marketing tags from one message: body facts and wanted colours from entities, the rest from trainer rules. */
import type { Entity, IntentId, Normalised } from '../../intents/types.js';
import type { TagHit } from '../types.js';
import { badReviewThreat } from './mood.js';
import {
  COLOR_NAMES, NOT_WANT_BEFORE_EN, NOT_WANT_BEFORE_ZH, WANT_AFTER_EN, WANT_AFTER_ZH, WANT_BEFORE_EN, WANT_BEFORE_ZH,
} from './lexicon/colors.js';
import { compileRule, type TagRule } from './lexicon/tagRules.js';

export { loadTagRules, validateTagRules, TagRuleError, type TagRule } from './lexicon/tagRules.js';

/** The size a buyer usually wears, said as such (平时穿M, 一般都穿L, i usually wear a medium). */
const HABITUAL_ZH = /(?:平时|平常|一般|通常|日常|经常|一直|习惯|常|都|本人)[^ ]{0,3}$/;
const HABITUAL_EN = /(?:^| )(?:usually|normally|always|typically|i wear|i take|i am|im)(?: (?:a|an|size|usually|normally|wear|take|in))* $/;

function formatNumber(value: string | number): string | null {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? String(Math.round(n * 10) / 10) : null;
}

function colorName(entity: Entity): string {
  const known = COLOR_NAMES[String(entity.value).toLowerCase()];
  if (known) return known;
  // An id we have no name for: the buyer's own Chinese word is still a good tag (藏蓝 → 藏蓝色).
  if (/\p{Script=Han}/u.test(entity.text)) return entity.text.endsWith('色') ? entity.text : `${entity.text}色`;
  return String(entity.value);
}

/** True when the buyer says they want this colour or asks for it, not when they report receiving it. */
function wantsColor(text: string, e: Entity): boolean {
  const before = text.slice(Math.max(0, e.start - 24), e.start);
  const after = text.slice(e.end, e.end + 12);
  if (NOT_WANT_BEFORE_ZH.test(before) || NOT_WANT_BEFORE_EN.test(before)) return false;
  return WANT_BEFORE_ZH.test(before) || WANT_AFTER_ZH.test(after) || WANT_BEFORE_EN.test(before) || WANT_AFTER_EN.test(after);
}

function isHabitual(text: string, e: Entity): boolean {
  const before = text.slice(Math.max(0, e.start - 24), e.start);
  return HABITUAL_ZH.test(before) || HABITUAL_EN.test(before);
}

/** Body facts and preferences the entities carry (身高170, 体重60kg, 脚长25cm, 平时穿M, 鞋码38, 偏好黑色). */
export function entityTags(norm: Normalised, entities: Entity[]): TagHit[] {
  const out: TagHit[] = [];
  const add = (tag: string, because: string): void => void out.push({ tag, source: 'rule', because });
  // Two shoe sizes in one message are a comparison (38还是39), not the buyer's size.
  const oneShoeSize = entities.filter((e) => e.kind === 'shoeSize').length === 1;
  for (const e of entities) {
    const n = formatNumber(e.value);
    if (e.kind === 'height' && n) add(`身高${n}`, 'height');
    else if (e.kind === 'weight' && n) add(`体重${n}kg`, 'weight');
    else if (e.kind === 'footLength' && n) add(`脚长${n}cm`, 'footLength');
    else if (e.kind === 'shoeSize' && n && (oneShoeSize || isHabitual(norm.text, e))) add(`鞋码${n}`, 'shoeSize');
    else if (e.kind === 'size' && isHabitual(norm.text, e)) add(`平时穿${String(e.value).toUpperCase()}`, 'size');
    else if (e.kind === 'color' && wantsColor(norm.text, e)) add(`偏好${colorName(e)}`, 'color');
  }
  return out;
}

function ruleBecause(rule: TagRule, norm: Normalised, entities: Entity[], intent: IntentId, has: (t: string) => boolean): string | null {
  const c = compileRule(rule);
  if (rule.script && !rule.script.includes(norm.script)) return null;
  // Out-of-scope messages (spam, chit-chat) say nothing about a shopper unless a rule asks for None by name.
  if (c.intents ? !c.intents.has(intent) : intent === 'None') return null;
  if (c.notIntents?.has(intent)) return null;
  if (rule.entity && !entities.some((e) => e.kind === rule.entity)) return null;
  if (rule.needsTag !== undefined && !has(rule.needsTag)) return null;
  const word = c.any ? c.any.first(norm.text) : null;
  if (c.any && !word) return null;
  const also = c.with ? c.with.first(norm.text) : null;
  if (c.with && !also) return null;
  if (c.not && c.not.first(norm.text)) return null;
  return word?.text ?? also?.text ?? (rule.entity ? `entity:${rule.entity}` : rule.intent ? `intent:${intent}` : `script:${norm.script}`);
}

/** All tags of one message: entity tags, 有过差评风险, then the rules in file order; each tag once; None gives little. */
export function extractTags({ norm, entities, intent, rules }: {
  norm: Normalised; entities: Entity[]; intent: IntentId; rules: TagRule[];
}): TagHit[] {
  const hits = new Map<string, TagHit>();
  // A number in spam or chit-chat (None) is no body fact.
  if (intent !== 'None') for (const hit of entityTags(norm, entities)) if (!hits.has(hit.tag)) hits.set(hit.tag, hit);
  if (badReviewThreat(norm)) hits.set('有过差评风险', { tag: '有过差评风险', source: 'rule', because: 'bad_review_threat' });
  const has = (tag: string): boolean => hits.has(tag);
  for (const rule of rules) {
    if (hits.has(rule.tag)) continue;
    const because = ruleBecause(rule, norm, entities, intent, has);
    if (because !== null) hits.set(rule.tag, { tag: rule.tag, source: 'rule', because });
  }
  return [...hits.values()];
}
