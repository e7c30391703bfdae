/**
 * Segment stage: normalised text → tokens (Chinese words, English stems, numbers).
 *
 * Chinese runs go to @node-rs/jieba with HMM off and our store and chat vocabulary loaded over its dictionary.
 * Measured by bench/text.ts on 59 dev + 40 held-out store sentences (held-out written after the vocabulary was
 * frozen; exact sentences, token F1, µs per sentence on the dev machine, Node 20):
 *
 *   segmenter                         dev            held-out        µs
 *   jieba + our vocabulary, no HMM    56/59  0.980   34/40  0.952    2.0   ← chosen
 *   jieba + our vocabulary, HMM       46/59  0.905   27/40  0.888    2.5   (HMM glues unknown pairs: 没收到 → 没收/到)
 *   jieba, own dictionary only        36/59  0.822   27/40  0.892    3.1   (可以开发票吗 → 开发票, 顺丰 → 顺/丰)
 *   segmentit (pangu dictionaries)    26/59  0.715   30/40  0.909   29     (运费险 → 运费/险; 170 60 → 17060)
 *   forward maximum match, our words  54/59  0.956   21/40  0.828    1.9   (falls apart off its own word list)
 *   backward / bidirectional MM       54/59  0.956   20/40  0.819    2.0
 *
 * The maximum-match variants are as fast but only know the words we listed; jieba keeps its 350k-word dictionary
 * for everything else. Its native binding costs ~250 ms to load, once, at import.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
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

/** Builds the jieba instance with our vocabulary on top of the bundled dictionary. */
export function buildJieba(): Jieba {
  const jieba = Jieba.withDict(dict);
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
