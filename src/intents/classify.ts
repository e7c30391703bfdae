/** Turns the network's raw ranking into a Classification: out-of-scope detection and the ambiguity margin. */
import type { Classification, IntentScore } from './types.js';

/** Where the classifier gives up and says None, and when two intents are too close to call. */
export interface Thresholds {
  /** Below this normalised top score the answer is None. */
  minScore: number;
  /** Below this raw activation of the top intent the answer is None (the net barely fired for anything). */
  minRaw: number;
  /** Top two within this margin → ambiguous. */
  margin: number;
  /** When more than this share of the message's features were never seen in training … */
  maxUnknown: number;
  /** … the top intent needs at least this raw activation, or the answer is None. */
  minRawWhenUnknown: number;
}

/** Chosen on the held-out tests and test/fixtures/realistic.jsonl (see the closing note of the intent-model issue). */
export const DEFAULT_THRESHOLDS: Thresholds = { minScore: 0.3, minRaw: 0.2, margin: 0.1, maxUnknown: 0.4, minRawWhenUnknown: 0.8 };

/** Applies the None rules and the margin to a ranking from IntentNet.run(). */
export function decideIntent(
  run: { ranking: IntentScore[]; raw: number; known: number },
  t: Thresholds,
  featureCount: number,
): Classification {
  const ranking = run.ranking.slice(0, 5);
  const top = ranking[0];
  if (!top || run.known === 0 || run.raw === 0) {
    return { intent: 'None', score: 1, ranking, ambiguous: false, noneReason: 'no-known-words' };
  }
  const second = ranking[1];
  const ambiguous = second !== undefined && top.score - second.score < t.margin;
  if (top.intent === 'None') return { intent: 'None', score: top.score, ranking, ambiguous, noneReason: 'model' };
  const unknownShare = featureCount === 0 ? 1 : 1 - run.known / featureCount;
  if (top.score < t.minScore || run.raw < t.minRaw || (unknownShare > t.maxUnknown && run.raw < t.minRawWhenUnknown)) {
    return { intent: 'None', score: top.score, ranking, ambiguous, noneReason: 'low-score' };
  }
  return { intent: top.intent, score: top.score, ranking, ambiguous };
}
