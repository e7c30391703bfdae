/**
 * Groups inbox messages by similarity, so fifty wordings of one new question show as one group.
 * A message becomes the classifier's features (words, Han bigrams, entity kinds) plus its Han characters, weighted
 * by IDF from natural's TfIdf over the training examples (in small per-intent documents): words every intent uses
 * (吗, 可以, 亲) weigh little, words the bot has never been taught (礼盒, 实体店) weigh most. A message joins the group
 * whose centroid is most similar (cosine) if that reaches the threshold; then groups that ended up close are merged.
 * Everything runs in slices of a few milliseconds, so a big inbox never holds up the chats on the same thread.
 */
import { createRequire } from 'node:module';
import { analyse } from '../../intents/analyse.js';
import { normalise } from '../../intents/normalise.js';

// natural's index loads every language and classifier (≈0.8 s); its TfIdf alone loads in milliseconds.
const require = createRequire(import.meta.url);
/** The part of natural's TfIdf we use. */
interface TfIdfLike {
  addDocument(document: string[]): void;
  idf(term: string): number;
}
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as new () => TfIdfLike;

/** Cosine similarity a message needs to join a group (tuned on test/bot/inbox paraphrase sets: 0.15 merged
 *  unrelated loners with sample questions, 0.25 split the gift-wrap wordings in two). */
export const GROUP_THRESHOLD = 0.2;
/** Training examples per background document: fine enough for a useful IDF, few enough for a fast one. */
const EXAMPLES_PER_DOC = 25;
/** Longest stretch of work before giving the event loop a turn. */
const SLICE_MS = 4;

type Vector = Map<string, number>;

/** Returns a function to await inside loops: it yields to the event loop once a slice of work is used up. */
function slicer(ms = SLICE_MS): () => Promise<void> {
  let start = performance.now();
  return async function maybeYield() {
    if (performance.now() - start < ms) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    start = performance.now();
  };
}

/** Features of a normalised message for grouping: the classifier's features plus single Han characters. */
export function groupFeatures(norm: string): string[] {
  const f = Object.keys(analyse(norm).features);
  for (const ch of norm.match(/[\u3400-\u9fff]/g) ?? []) f.push(`c:${ch}`);
  return [...new Set(f)];
}

function unit(v: Vector): Vector {
  let n = 0;
  for (const x of v.values()) n += x * x;
  const len = Math.sqrt(n) || 1;
  return new Map([...v].map(([k, x]) => [k, x / len]));
}

function dot(a: Vector, b: Vector): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) s += x * (big.get(k) ?? 0);
  return s;
}

/** IDF weights from background documents (lists of example sentences), via natural's TfIdf. */
export interface Background {
  idf(term: string): number;
}

/** Builds the background from example sentences grouped by intent. */
export async function buildBackground(byIntent: string[][], featuresOf: (norm: string) => string[] = groupFeatures): Promise<Background> {
  const pause = slicer();
  const tfidf = new TfIdf();
  for (const texts of byIntent) {
    for (let i = 0; i < texts.length; i += EXAMPLES_PER_DOC) {
      const doc = new Set<string>();
      for (const t of texts.slice(i, i + EXAMPLES_PER_DOC)) for (const f of featuresOf(normalise(t).text)) doc.add(f);
      tfidf.addDocument([...doc]);
      await pause();
    }
  }
  const cache = new Map<string, number>();
  return {
    idf(term) {
      let w = cache.get(term);
      if (w === undefined) cache.set(term, (w = tfidf.idf(term)));
      return w;
    },
  };
}

interface Group { sum: Vector; centroid: Vector; members: number[] }

function absorb(into: Group, v: Vector, members: number[]): void {
  for (const [k, x] of v) into.sum.set(k, (into.sum.get(k) ?? 0) + x);
  into.centroid = unit(into.sum);
  into.members.push(...members);
}

/** Clusters texts; returns groups as lists of indexes into `texts` (exact repeats should be removed first). */
export async function clusterTexts(
  texts: string[], featuresOf: (norm: string) => string[], background: Background, threshold = GROUP_THRESHOLD,
): Promise<number[][]> {
  const pause = slicer();
  const groups: Group[] = [];
  for (let i = 0; i < texts.length; i += 1) {
    const v = unit(new Map(featuresOf(texts[i]!).map((k) => [k, background.idf(k)])));
    let best: Group | null = null;
    let bestSim = threshold;
    for (const g of groups) {
      const sim = dot(v, g.centroid);
      if (sim >= bestSim) { best = g; bestSim = sim; }
    }
    if (best) absorb(best, v, [i]);
    else groups.push({ sum: new Map(v), centroid: v, members: [i] });
    await pause();
  }
  // Early members shape a centroid before later ones arrive; merging close groups undoes order effects.
  for (let merged = true; merged;) {
    merged = false;
    for (let a = 0; a < groups.length && !merged; a += 1) {
      for (let b = a + 1; b < groups.length; b += 1) {
        if (dot(groups[a]!.centroid, groups[b]!.centroid) < threshold) continue;
        const [gone] = groups.splice(b, 1);
        absorb(groups[a]!, gone!.sum, gone!.members);
        merged = true;
        break;
      }
      await pause();
    }
  }
  return groups.map((g) => g.members);
}
