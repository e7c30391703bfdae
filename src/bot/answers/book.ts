/** Reply templates by intent and language, read from the `answers` field of training/<intent>.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentId } from '../../intents/types.js';

/** Templates of one intent: zh-Hans, optional zh-Hant (else converted from zh-Hans), en. */
export interface IntentAnswers { 'zh-Hans': string[]; 'zh-Hant'?: string[]; en: string[] }

/** All templates, by intent id. An intent without answers is simply absent. */
export type AnswerBook = Map<IntentId | string, IntentAnswers>;

/** Thrown when an answers field has the wrong shape; `code` is stable. */
export class AnswerBookError extends Error {
  readonly code = 'ANSWERS_INVALID';
}

const isList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Checks one intent's `answers` value. */
export function parseAnswers(intent: string, value: unknown): IntentAnswers {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || !isList(v['zh-Hans']) || !isList(v.en)) {
    throw new AnswerBookError(`${intent}: answers need non-empty "zh-Hans" and "en" lists of strings`);
  }
  const hant = v['zh-Hant'];
  if (hant !== undefined && !isList(hant)) throw new AnswerBookError(`${intent}: "zh-Hant" must be a non-empty list of strings`);
  return { 'zh-Hans': v['zh-Hans'], en: v.en, ...(hant ? { 'zh-Hant': hant } : {}) };
}

/** Builds a book from { intent: answers } (tests, or answers kept elsewhere). */
export function answerBookFrom(record: Record<string, unknown>): AnswerBook {
  return new Map(Object.entries(record).map(([intent, value]) => [intent, parseAnswers(intent, value)]));
}

/** Reads the answers of every training/<intent>.json that has them. */
export function loadAnswers(trainingDir: string): AnswerBook {
  const book: AnswerBook = new Map();
  for (const name of readdirSync(trainingDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = JSON.parse(readFileSync(join(trainingDir, name), 'utf8')) as { intent?: string; answers?: unknown };
    const intent = file.intent ?? name.replace(/\.json$/, '');
    if (file.answers !== undefined) book.set(intent, parseAnswers(intent, file.answers));
  }
  return book;
}
