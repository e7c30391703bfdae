/** Trainer-written tag rules (data/tag-rules.json): their shape, their validation, and their compiled form. */
import { readFileSync } from 'node:fs';
import { INTENT_IDS, type EntityKind, type IntentId, type Script } from '../../../intents/types.js';
import { cleanKeyword, compileKeywords, type KeywordSet } from './keywords.js';

/** One rule: when every condition given holds, the message gets `tag`. See `_format` in data/tag-rules.json. */
export interface TagRule {
  tag: string;
  /** One of these words appears. */
  any?: string[];
  /** And also one of these words appears. */
  with?: string[];
  /** None of these words appears. */
  not?: string[];
  /** The message's intent is one of these. */
  intent?: IntentId[];
  /** The message's intent is none of these. */
  notIntent?: IntentId[];
  /** An entity of this kind was found. */
  entity?: EntityKind;
  /** The buyer wrote in one of these scripts. */
  script?: Script[];
  /** An earlier rule already gave this tag (送女友 needs 送礼). */
  needsTag?: string;
  /** Free text for trainers. */
  note?: string;
}

/** A rule file that cannot be used; `code` is stable for callers and tests. */
export class TagRuleError extends Error {
  readonly code = 'TAG_RULE_INVALID';
  override readonly name = 'TagRuleError';
}

/** Tags the code gives by itself, which a rule may name in `needsTag`. */
export const BUILT_IN_TAGS = ['有过差评风险'];

const ENTITY_KINDS: Record<EntityKind, true> = {
  orderId: true, height: true, weight: true, footLength: true, size: true, shoeSize: true, color: true,
  phone: true, money: true, courier: true, quantity: true,
};
const SCRIPTS: Record<Script, true> = { hans: true, hant: true, en: true };
const KEYS = ['tag', 'any', 'with', 'not', 'intent', 'notIntent', 'entity', 'script', 'needsTag', 'note'];
const INTENTS = new Set<string>(INTENT_IDS);
// The normaliser turns punctuation into spaces, so a keyword holding punctuation could never match.
const PUNCTUATION = /[\p{P}\p{S}]/u;

function checkWords(key: string, value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return `"${key}" must be a non-empty list of words`;
  for (const word of value) {
    if (typeof word !== 'string' || cleanKeyword(word).replace(/\*/g, '') === '') {
      return `"${key}" has an empty word ${JSON.stringify(word)}`;
    }
    if (PUNCTUATION.test(word.replace(/\*/g, ''))) {
      return `"${key}" word "${word}" has punctuation; write it without (the text is matched after punctuation becomes spaces)`;
    }
  }
  return null;
}

function problemOf(rule: Record<string, unknown>): string | null {
  if (typeof rule.tag !== 'string' || rule.tag.trim() === '') return '"tag" must be a non-empty string';
  const unknown = Object.keys(rule).find((k) => !KEYS.includes(k) && !k.startsWith('_'));
  if (unknown) return `unknown field "${unknown}" (allowed: ${KEYS.join(', ')})`;
  for (const key of ['any', 'with', 'not'] as const) {
    const problem = key in rule ? checkWords(key, rule[key]) : null;
    if (problem) return problem;
  }
  for (const key of ['intent', 'notIntent'] as const) {
    if (!(key in rule)) continue;
    const list = rule[key];
    if (!Array.isArray(list) || list.length === 0) return `"${key}" must be a non-empty list of intent ids`;
    const bad = list.find((i) => typeof i !== 'string' || !INTENTS.has(i));
    if (bad !== undefined) return `"${key}" has unknown intent ${JSON.stringify(bad)} (known: ${INTENT_IDS.join(', ')})`;
  }
  if ('entity' in rule && !(typeof rule.entity === 'string' && rule.entity in ENTITY_KINDS)) {
    return `"entity" ${JSON.stringify(rule.entity)} is not one of ${Object.keys(ENTITY_KINDS).join(', ')}`;
  }
  if ('script' in rule) {
    const list = rule.script;
    if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || !(s in SCRIPTS))) {
      return '"script" must be a non-empty list of hans, hant, en';
    }
  }
  if ('needsTag' in rule && (typeof rule.needsTag !== 'string' || rule.needsTag === '')) return '"needsTag" must be a tag';
  if ('note' in rule && typeof rule.note !== 'string') return '"note" must be text';
  if (!['any', 'with', 'intent', 'entity', 'script'].some((k) => k in rule)) {
    return 'has no condition: give at least one of any, with, intent, entity, script';
  }
  return null;
}

function ruleName(rule: unknown, index: number): string {
  const tag = typeof rule === 'object' && rule !== null ? (rule as { tag?: unknown }).tag : undefined;
  return `rule ${index + 1}${typeof tag === 'string' ? ` (tag "${tag}")` : ''}`;
}

/** Checks a parsed rule list and returns it typed; throws TagRuleError naming the first bad rule. */
export function validateTagRules(value: unknown, source: string): TagRule[] {
  const list = Array.isArray(value) ? value : (value as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new TagRuleError(`${source}: expected {"rules": [...]} or a list of rules`);
  const seen = new Set(BUILT_IN_TAGS);
  list.forEach((rule: unknown, index) => {
    const problem = typeof rule === 'object' && rule !== null && !Array.isArray(rule)
      ? problemOf(rule as Record<string, unknown>)
      : 'must be an object like {"tag": "母婴", "any": ["宝宝"]}';
    if (problem) throw new TagRuleError(`${source}: ${ruleName(rule, index)}: ${problem}`);
    const { tag, needsTag } = rule as TagRule;
    if (needsTag !== undefined && !seen.has(needsTag)) {
      throw new TagRuleError(`${source}: ${ruleName(rule, index)}: "needsTag" "${needsTag}" is not given by an earlier rule`);
    }
    seen.add(tag);
  });
  return list as TagRule[];
}

/** Reads and validates a rule file (sync: it is read once at start). */
export function loadTagRules(file: string): TagRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TagRuleError(`${file}: cannot read the rule file: ${(err as Error).message}`);
  }
  return validateTagRules(parsed, file);
}

/** A rule with its word lists compiled once. */
export interface CompiledRule {
  rule: TagRule;
  any: KeywordSet | null;
  with: KeywordSet | null;
  not: KeywordSet | null;
  intents: ReadonlySet<IntentId> | null;
  notIntents: ReadonlySet<IntentId> | null;
}

const compiled = new WeakMap<TagRule, CompiledRule>();

/** The compiled form of a rule, built on first use and cached with the rule object. */
export function compileRule(rule: TagRule): CompiledRule {
  let c = compiled.get(rule);
  if (!c) {
    const problem = problemOf(rule as unknown as Record<string, unknown>);
    if (problem) throw new TagRuleError(`tag rule "${String(rule.tag)}": ${problem}`);
    c = {
      rule,
      any: rule.any ? compileKeywords(rule.any) : null,
      with: rule.with ? compileKeywords(rule.with) : null,
      not: rule.not ? compileKeywords(rule.not) : null,
      intents: rule.intent ? new Set(rule.intent) : null,
      notIntents: rule.notIntent ? new Set(rule.notIntent) : null,
    };
    compiled.set(rule, c);
  }
  return c;
}
