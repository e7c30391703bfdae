/**
 * Store rules that send a chat to a person (data/handoff-rules.json): big amounts, member levels, intents, words.
 * A rule fires when ANY of its conditions holds. The same shape as store.json's handoff rules, plus `minAmount`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Entity, IntentId } from '../../intents/types.js';
import type { ShopData } from '../shop/schema.js';

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** One rule as written in the file. */
export const HandoffRuleSchema = z.object({
  note: Text,
  /** A money amount (CNY) in the message at or above this sends the chat to a person. */
  minAmount: z.number().positive().optional(),
  memberLevels: z.array(z.string()).default([]),
  intents: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
}).refine((r) => r.minAmount !== undefined || r.memberLevels.length + r.intents.length + r.keywords.length > 0, {
  message: 'a rule needs at least one of minAmount, memberLevels, intents, keywords',
});
export type HandoffRule = z.infer<typeof HandoffRuleSchema>;

const FileSchema = z.object({ rules: z.array(HandoffRuleSchema) });

/** What a rule is checked against: the cleaned message, its entities, the member level and intents of the turn. */
export interface RuleInput {
  text: string;
  entities: Entity[];
  memberLevel: string | null;
  intents: IntentId[];
}

/** The conditions of a rule (store.json's handoff rules have the same shape). */
export interface RuleConditions {
  minAmount?: number | undefined;
  memberLevels: string[];
  intents: string[];
  keywords: string[];
}

/** True when any condition of the rule holds. */
export function ruleMatches(rule: RuleConditions, input: RuleInput): boolean {
  const { text, entities, memberLevel, intents } = input;
  if (memberLevel !== null && rule.memberLevels.includes(memberLevel)) return true;
  if (intents.some((i) => rule.intents.includes(i))) return true;
  if (rule.keywords.some((k) => text.includes(k.toLowerCase()))) return true;
  const min = rule.minAmount;
  return min !== undefined && entities.some((e) => e.kind === 'money' && typeof e.value === 'number' && e.value >= min);
}

/** The first rule that fires, or null. */
export function firstRule<R extends RuleConditions>(rules: R[], input: RuleInput): R | null {
  return rules.find((r) => ruleMatches(r, input)) ?? null;
}

/** Reads and checks data/handoff-rules.json; a bad file stops the start with an error naming the rule. */
export function loadHandoffRules(file: string): HandoffRule[] {
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.rules;
}

/** The shop with the file's rules after its own handoff rules; a rule whose note the shop already has is left out. */
export function withHandoffRules(shop: ShopData, rules: HandoffRule[]): ShopData {
  const known = new Set(shop.handoff.rules.map((r) => r.note.zh));
  const added = rules.filter((r) => !known.has(r.note.zh));
  return { ...shop, handoff: { ...shop.handoff, rules: [...shop.handoff.rules, ...added] } };
}
