/** Keyword lists compiled to one regular expression over normalised text (simplified, lower-case, spaces). */
import { toSimplified } from '../../../intents/normalise.js';

/** How many characters a `*` in a keyword may stand for: enough for 送给我女朋友 or "gift for my dad". */
export const WILDCARD_SPAN = 8;

/** One keyword found in a text. `index` is the keyword's position in the list it was compiled from. */
export interface KeywordHit {
  index: number;
  keyword: string;
  text: string;
  start: number;
  end: number;
}

/** A compiled keyword list. */
export interface KeywordSet {
  /** The leftmost keyword found (the longest one when several start there), or null. */
  first(text: string): KeywordHit | null;
  /** Every non-overlapping keyword found, left to right. */
  all(text: string): KeywordHit[];
}

const ASCII_LETTER = /[a-z]/;
const ASCII_DIGIT = /[0-9]/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * English words match whole words (so "mom" does not fire inside "moment") and take a plural s;
 * numbers match whole numbers (so 12315 does not fire inside an order id). Chinese has no word
 * boundaries in the text, so Chinese keywords match anywhere.
 */
function keywordPattern(keyword: string): string {
  const body = keyword.split('*').map(escapeRegExp).join(`.{0,${WILDCARD_SPAN}}?`);
  const head = keyword[0] ?? '';
  const last = keyword.at(-1) ?? '';
  const before = ASCII_LETTER.test(head) || ASCII_DIGIT.test(head) ? '(?<![a-z0-9])' : '';
  const after = ASCII_LETTER.test(last) ? '(?:s|es)?(?![a-z0-9])' : ASCII_DIGIT.test(last) ? '(?![0-9])' : '';
  return before + body + after;
}

/** Cleans a keyword as the normaliser cleans text: half-width, lower-case, simplified, single spaces (禮物 → 礼物). */
export function cleanKeyword(keyword: string): string {
  return toSimplified(keyword.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** Compiles a keyword list; `*` inside a keyword stands for up to WILDCARD_SPAN characters. */
export function compileKeywords(keywords: readonly string[]): KeywordSet {
  const cleaned = keywords.map(cleanKeyword);
  // Longer keywords first, so at one position the longest wins (太差了 before 差).
  const order = cleaned.map((_, i) => i).sort((a, b) => (cleaned[b]?.length ?? 0) - (cleaned[a]?.length ?? 0));
  const source = order.map((i) => `(${keywordPattern(cleaned[i] ?? '')})`).join('|');
  const regex = new RegExp(source || '(?!)', 'g');

  function hitOf(m: RegExpExecArray): KeywordHit {
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const index = order[group - 1] ?? 0;
    return { index, keyword: cleaned[index] ?? '', text: m[0], start: m.index, end: m.index + m[0].length };
  }

  return {
    first(text) {
      regex.lastIndex = 0;
      const m = regex.exec(text);
      return m ? hitOf(m) : null;
    },
    all(text) {
      const hits: KeywordHit[] = [];
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        hits.push(hitOf(m));
        if (m[0].length === 0) regex.lastIndex++;
      }
      return hits;
    },
  };
}
