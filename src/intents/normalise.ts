/**
 * Normalise stage: buyer text → one canonical form the segmenter, the entity extractor and the classifier share.
 *
 * Order matters: emoji leave first (their code points would otherwise fold to spaces), then width and case, then
 * the script is read (before conversion erases it), then traditional→simplified, symbols, squeezing and typo fixes.
 *
 * Traditional→simplified: OpenCC with phrases (Taiwan and Hong Kong variant tables, then OpenCC's TS tables),
 * run only on text detected as traditional. bench/text.ts measured it against a plain character table built from
 * the same data: both cost about 1 µs a message, but the table gets store words wrong that phrases get right
 * (拉鍊 → 拉炼 not 拉链, 回覆 → 回覆 not 回复, 著名 → 着名): 26/28 hand-written TW/HK lines against 28/28.
 * The character table is still what detects the script (see lexicon/traditional.ts).
 * Replies go the other way through OpenCC with phrases too (发 → 發/髮). Both use opencc-js's dictionaries through
 * lexicon/opencc.ts, which gives opencc-js's output from flat maps instead of its per-character tries.
 */
import OpenCC from 'opencc-js';
import type { Normalised, Script } from './types.js';
import { configConverter, flatConverter } from './lexicon/opencc.js';
import { TRAD_ONLY } from './lexicon/traditional.js';
import { TYPO_FIXES } from './lexicon/typos.js';

/** Longest input read, in UTF-16 units: a chat message is short; anything longer is pasted text, cut to bound cost. */
export const MAX_INPUT = 2000;

// Cheap pre-check: code points that can start an emoji. CJK punctuation (U+3000–302F) is left out on purpose.
const EMOJI_HINT = /[\u00a9\u00ae\u203c-\u2bff\u3030\u303d\u3297\u3299\ud800-\udbff]/;
const EMOJI = /\p{Regional_Indicator}{2}|(?:\p{Extended_Pictographic}|[0-9#*]\uFE0F?\u20E3)(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;

const WIDE = /[\uff01-\uff5e\u3000\uffe5]/g;
const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/;
const TRAD_ONLY_CLASS = new RegExp(`[${[...TRAD_ONLY].join('')}]`, 'u');

/**
 * Symbols become spaces, except those that carry a number's meaning: a decimal point (1.75m), feet and inch
 * marks after a digit (5'7"), a percent sign, and ¥ or + before a digit (¥199, +86).
 */
const SYMBOLS = /(?<!\d)\.|\.(?!\d)|(?<!\d)['"%]|[¥+](?!\d)|[^\p{L}\p{N}\s.'"%¥+]/gu;
// An English contraction loses its apostrophe (i'm → im) so its letters do not fall apart into "i m" (m = size M).
const CONTRACTION = /(?<=[a-z])['’](?=[a-z])/g;
// 好好好好 → 好好 and soooo → soo; digits are never squeezed (order numbers) and x is exempt (xxxl).
const REPEAT_HAN = /(\p{Script=Han})\1{2,}/gu;
const REPEAT_LATIN = /([a-wyz])\1{3,}/g;
const SPACES = /\s+/g;
const TYPOS = new RegExp(TYPO_FIXES.map((t) => `(${t.find})`).join('|'), 'g');

// Built once at load. Taiwan and Hong Kong variant tables both run, so 穿著 (TW) and 衹 (HK) both simplify.
// opencc-js's dictionaries through our flat-map converter (lexicon/opencc.ts): same output, a fraction of the memory.
const toSimplifiedPhrases = flatConverter(
  ...(OpenCC.Locale.from['tw'] ?? []), ...(OpenCC.Locale.from['hk'] ?? []), ...(OpenCC.Locale.to['cn'] ?? []),
);
/** Simplified → Taiwan forms (OpenCC s2tw): built at the first traditional reply (~0.1 s, ~9 MB), not at start. */
let toTraditional: ((s: string) => string) | undefined;

/** Full-width forms and the ideographic space become ASCII; ￥ becomes ¥. */
function halfWidth(s: string): string {
  return s.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0xffe5) return '¥';
    return String.fromCharCode(code - 0xfee0);
  });
}

/** Which script the (half-width, lower-case) text is written in. */
export function detectScript(s: string): Script {
  if (!HAN.test(s)) return LATIN.test(s) ? 'en' : 'hans';
  return TRAD_ONLY_CLASS.test(s) ? 'hant' : 'hans';
}

/** Traditional (Taiwan or Hong Kong) text → simplified, phrase-aware. */
export function toSimplified(s: string): string {
  return toSimplifiedPhrases(s);
}

function fixTypos(s: string): string {
  return s.replace(TYPOS, (...groups: unknown[]) => {
    for (let i = 0; i < TYPO_FIXES.length; i += 1) if (groups[i + 1] !== undefined) return TYPO_FIXES[i]?.to ?? '';
    return String(groups[0]);
  });
}

/** Cuts to MAX_INPUT without splitting a surrogate pair. */
function cap(raw: string): string {
  if (raw.length <= MAX_INPUT) return raw;
  const end = /[\ud800-\udbff]/.test(raw.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
  return raw.slice(0, end);
}

/** Buyer text → simplified, half-width, lower-case, symbol-free text plus its script and the emoji it carried. */
export function normalise(raw: string): Normalised {
  const emoji: string[] = [];
  let s = cap(raw);
  if (EMOJI_HINT.test(s)) {
    s = s.replace(EMOJI, (e) => {
      emoji.push(e);
      return ' ';
    });
  }
  s = halfWidth(s).toLowerCase();
  const script = detectScript(s);
  if (script === 'hant') s = toSimplified(s);
  s = s.replace(CONTRACTION, '').replace(SYMBOLS, ' ');
  s = s.replace(REPEAT_HAN, '$1$1').replace(REPEAT_LATIN, '$1$1');
  s = fixTypos(s).replace(SPACES, ' ').trim();
  return { raw, text: s, script, emoji };
}

/** Converted replies kept: replies and quick-reply chips repeat, and the phrase-aware converter is slow (~20 µs a reply). */
const MAX_CONVERTED = 2000;
const converted = new Map<string, string>();

/** A simplified reply in the buyer's script: traditional (Taiwan forms, phrase-aware) for 'hant', else as is. */
export function toScript(text: string, script: Script): string {
  if (script !== 'hant') return text;
  let out = converted.get(text);
  if (out === undefined) {
    out = (toTraditional ??= configConverter('s2tw'))(text);
    if (converted.size >= MAX_CONVERTED) converted.delete(converted.keys().next().value as string);
    converted.set(text, out);
  }
  return out;
}
