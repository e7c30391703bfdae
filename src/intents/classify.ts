/** Turns the network's raw ranking into a Classification: out-of-scope detection and the ambiguity margin. */
import type { NetRun } from './classifier.js';
import type { Classification, IntentId } from './types.js';

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

/** What the reject rule looks at, in the order of RejectRule.weights. */
export const REJECT_INPUTS = [
  'score', 'margin', 'raw', 'noneScore', 'noneRaw', 'unknownShare', 'logFeatures', 'logKnown', 'hasEntity', 'noHan',
] as const;

/**
 * The learned None rule: a logistic regression that gives the probability that the best in-scope intent is right
 * rather than the message being out of scope. Fitted with fitRejectRule on cross-validated network outputs.
 */
export interface RejectRule {
  /** Names of the inputs (REJECT_INPUTS when written), so a model file says what its weights mean. */
  inputs: string[];
  weights: number[];
  bias: number;
  /** The best in-scope intent is kept when its probability reaches this, else the answer is None. */
  threshold: number;
}

/**
 * Printed by `npm run eval -- --fit-reject` (3-fold cross-validated outputs of the 12,426-example corpus; rerun it after
 * changing features, training settings or much of the data). Threshold 0.8 was chosen on the held-out tests: in-scope
 * 91.7%, out-of-scope 95.7%, false rejection 3.0% (hand-set thresholds on the 10k corpus: 86.1%, 87.1%, 6.5%); on
 * test/fixtures/realistic.jsonl, never used to fit or choose: 99.1%, 100%, 0.5% (hand-set, 10k: 97.4%, 99.2%, 1.6%).
 */
export const DEFAULT_REJECT: RejectRule = {
  inputs: [...REJECT_INPUTS],
  weights: [2.683, 0.525, 1.136, -1.14, -3.902, -2.894, 0.112, -0.35, -0.11, 0.05],
  bias: 1.694,
  threshold: 0.8,
};

/** The reject rule's inputs for one message: how strongly and how clearly the net fired, and how much it knew. */
export function rejectInputs(run: NetRun, features: Record<string, number>): number[] {
  const { best, second } = bestInScope(run);
  const none = run.ranking.find((r) => r.intent === 'None')?.score ?? 0;
  const keys = Object.keys(features);
  const n = keys.length;
  return [
    best?.score ?? 0,
    (best?.score ?? 0) - second,
    // Capped: a very strong activation says nothing more, and the cap keeps one odd message from dominating.
    Math.min(run.outputs[best?.intent ?? 'None'] ?? 0, 2),
    none,
    Math.min(run.outputs.None ?? 0, 2),
    n === 0 ? 1 : 1 - run.known / n,
    Math.log1p(n),
    Math.log1p(run.known),
    keys.some((k) => k.startsWith('e:')) ? 1 : 0,
    keys.some((k) => k.startsWith('b:') || k.startsWith('c:')) ? 0 : 1,
  ];
}

/** The best in-scope intent, if its unit fired, and the score of the one after it. */
export function bestInScope(run: NetRun): { best: { intent: IntentId; score: number } | undefined; second: number } {
  const inScope = run.ranking.filter((r) => r.intent !== 'None');
  const best = inScope[0];
  // A unit that did not fire has no claim, even when every unit is silent and the scores are all 0.
  if (!best || !((run.outputs[best.intent] ?? 0) > 0)) return { best: undefined, second: 0 };
  return { best, second: inScope[1]?.score ?? 0 };
}

/** Probability that the best in-scope intent is right, by the rule. */
export function acceptProbability(rule: RejectRule, inputs: number[]): number {
  let z = rule.bias;
  for (let i = 0; i < rule.weights.length; i += 1) z += (rule.weights[i] as number) * (inputs[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** One labelled example for fitRejectRule: the rule's inputs and whether accepting was right (1) or wrong (0). */
export interface RejectExample {
  inputs: number[];
  accept: 0 | 1;
}

/**
 * Fits a RejectRule by logistic regression (batch gradient descent on standardised inputs, light L2), then folds the
 * standardisation back into the weights so the rule runs on raw inputs. Examples: cross-validated outputs where the
 * best in-scope intent was right (1) or the message was out of scope (0); in-scope messages whose best intent was
 * wrong are left out, since rejecting them or not, they are wrong.
 */
export function fitRejectRule(examples: RejectExample[], threshold: number, epochs = 400): RejectRule {
  const d = examples[0]?.inputs.length ?? 0;
  const n = examples.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const e of examples) e.inputs.forEach((v, j) => (mean[j] = (mean[j] as number) + v / n));
  for (const e of examples) e.inputs.forEach((v, j) => (sd[j] = (sd[j] as number) + (v - (mean[j] as number)) ** 2 / n));
  const sds = sd.map((v) => Math.sqrt(v) || 1);
  const z = examples.map((e) => e.inputs.map((v, j) => (v - (mean[j] as number)) / (sds[j] as number)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * (w[j] as number), b)));
      const err = p - (examples[i] as RejectExample).accept;
      x.forEach((v, j) => (g[j] = (g[j] as number) + err * v));
      gb += err;
    });
    for (let j = 0; j < d; j += 1) w[j] = (w[j] as number) - 0.5 * ((g[j] as number) / n + 1e-3 * (w[j] as number));
    b -= (0.5 * gb) / n;
  }
  const weights = w.map((v, j) => v / (sds[j] as number));
  const bias = weights.reduce((s, v, j) => s - v * (mean[j] as number), b);
  return { inputs: [...REJECT_INPUTS], weights, bias, threshold };
}

/** Applies the None rules (the learned rule when the model has one) and the margin to a run of the network. */
export function decideIntent(
  run: NetRun,
  t: Thresholds,
  features: Record<string, number>,
  reject?: RejectRule,
): Classification {
  const ranking = run.ranking.slice(0, 5);
  if (run.known === 0 || (!reject && run.raw === 0) || !ranking[0]) {
    return { intent: 'None', score: 1, ranking, ambiguous: false, noneReason: 'no-known-words' };
  }
  return reject ? decideLearned(run, ranking, t, features, reject) : decideByThresholds(run, ranking, t, features);
}

function decideLearned(
  run: NetRun,
  ranking: Classification['ranking'],
  t: Thresholds,
  features: Record<string, number>,
  rule: RejectRule,
): Classification {
  const { best, second } = bestInScope(run);
  const top = ranking[0] as { intent: IntentId; score: number };
  const noneReason = top.intent === 'None' ? 'model' : 'low-score';
  if (!best || acceptProbability(rule, rejectInputs(run, features)) < rule.threshold) {
    return { intent: 'None', score: top.score, ranking, ambiguous: false, noneReason };
  }
  return { intent: best.intent, score: best.score, ranking, ambiguous: best.score - second < t.margin };
}

/** The hand-set rules of models trained before the learned rule (their files have no `reject`). */
function decideByThresholds(
  run: NetRun,
  ranking: Classification['ranking'],
  t: Thresholds,
  features: Record<string, number>,
): Classification {
  const top = ranking[0] as { intent: IntentId; score: number };
  const second = ranking[1];
  const ambiguous = second !== undefined && top.score - second.score < t.margin;
  if (top.intent === 'None') return { intent: 'None', score: top.score, ranking, ambiguous, noneReason: 'model' };
  const featureCount = Object.keys(features).length;
  const unknownShare = featureCount === 0 ? 1 : 1 - run.known / featureCount;
  if (top.score < t.minScore || run.raw < t.minRaw || (unknownShare > t.maxUnknown && run.raw < t.minRawWhenUnknown)) {
    return { intent: 'None', score: top.score, ranking, ambiguous, noneReason: 'low-score' };
  }
  return { intent: top.intent, score: top.score, ranking, ambiguous };
}
