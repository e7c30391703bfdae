/** Mood from our own Chinese/English lexicon and emoji (node-nlp has no Chinese sentiment). */
import type { Entity, Normalised } from '../../intents/types.js';
import type { Mood } from '../types.js';
import { compileKeywords, type KeywordHit } from './lexicon/keywords.js';
import {
  A_NOT_A, INTENSIFIER, INTENSIFIER_FACTOR, MOOD_EMOJI, MOOD_WORDS, NEGATION_EN, NEGATION_ZH, THREAT_WORDS,
} from './lexicon/mood.js';

const WORDS = compileKeywords(MOOD_WORDS.map((w) => w.word));
const THREATS = compileKeywords(THREAT_WORDS);

/** A word this score or more of anger makes the buyer angry; less (with upset words) makes them upset. */
const ANGRY_AT = 2;
const UPSET_AT = 1;
const HAPPY_AT = 1;
/** A negated happy word (不满意 is in the lexicon, but 不太开心 is not) counts this much as upset. */
const NEGATED_HAPPY_AS_UPSET = 0.8;

/** How strongly a message reads as each feeling. */
export interface MoodScores {
  anger: number;
  upset: number;
  happy: number;
}

/** True when a negation stands just before the hit (没生气, 不会给你差评, won't leave a bad review). */
export function isNegated(text: string, hit: Pick<KeywordHit, 'start' | 'keyword'>): boolean {
  if (/^[a-z0-9]/.test(hit.keyword)) {
    const words = text.slice(Math.max(0, hit.start - 40), hit.start).trimEnd().split(' ').slice(-3);
    return words.some((w) => NEGATION_EN.has(w));
  }
  const before = text.slice(Math.max(0, hit.start - 6), hit.start);
  return NEGATION_ZH.test(before) && !A_NOT_A.test(before);
}

function insideEntity(hit: KeywordHit, entities: Entity[]): boolean {
  // A mood word inside an order id or phone number (…12315…) is not the buyer speaking.
  return entities.some((e) => hit.start >= e.start && hit.end <= e.end && e.kind !== 'color');
}

/** Sums the weighted lexicon words and emoji of one message. */
export function moodScores(norm: Normalised, entities: Entity[]): MoodScores {
  const scores: MoodScores = { anger: 0, upset: 0, happy: 0 };
  for (const hit of WORDS.all(norm.text)) {
    const entry = MOOD_WORDS[hit.index];
    if (!entry || insideEntity(hit, entities)) continue;
    const before = norm.text.slice(Math.max(0, hit.start - 5), hit.start);
    const weight = entry.weight * (INTENSIFIER.test(before) ? INTENSIFIER_FACTOR : 1);
    if (entry.fixed || !isNegated(norm.text, hit)) scores[entry.feeling] += weight;
    else if (entry.feeling === 'happy') scores.upset += weight * NEGATED_HAPPY_AS_UPSET;
  }
  for (const raw of norm.emoji) {
    const found = MOOD_EMOJI[raw.replace(/[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/gu, '')];
    if (found) scores[found.feeling] += found.weight;
  }
  return scores;
}

/** The buyer's mood in one message: 'angry' | 'upset' | 'neutral' | 'happy'. */
export function detectMood(norm: Normalised, entities: Entity[]): Mood {
  const { anger, upset, happy } = moodScores(norm, entities);
  if (anger >= ANGRY_AT) return 'angry';
  if (anger + upset >= UPSET_AT && anger + upset >= happy) return 'upset';
  if (happy >= HAPPY_AT) return 'happy';
  return 'neutral';
}

/** True when the buyer threatens a bad review, a report or a dispute (差评, 投诉, 举报, 12315, 找平台, dispute). */
export function badReviewThreat(norm: Normalised): boolean {
  return THREATS.all(norm.text).some((hit) => !isNegated(norm.text, hit));
}
