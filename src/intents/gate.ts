/**
 * The regression gate: a new model is switched in only when it is not worse than the current one on the held-out
 * tests. Both models are scored on the same sentences (the tests in training/ now), so adding tests never looks like
 * a regression. A model is held back when its accuracy falls by more than a point, or when an intent's own tests
 * break (its recall falls by more than `maxIntentDrop`); the report lists the intents that got worse and every
 * sentence that flipped from right to wrong, so a trainer can decide.
 */
import type { Evaluation, GateSummary, SentencePrediction } from './registry/types.js';

/** How much worse a model may be and still go live without a trainer's confirmation. */
export interface GatePolicy {
  /** Largest allowed fall in overall held-out accuracy (0.01 = one point). */
  maxAccuracyDrop: number;
  /** Largest allowed fall in one intent's recall on its own tests; more than this breaks the intent. */
  maxIntentDrop: number;
}

/**
 * One point overall, as the issue asks. Per intent, ten points: retraining moves a few sentences of every intent
 * even when nothing about it changed (measured on the shipped corpus: adding a ten-example intent flipped 18 of 1,426
 * tests and fixed 37, and one intent lost 5 of its 60 tests, 8.3 points; with ~55 tests an intent's recall moves by
 * ±4 points from noise alone). Ten points (six sentences) is past that noise; a real break is far larger (pasting an
 * intent's tests into another intent costs it most of its recall).
 */
export const DEFAULT_GATE_POLICY: GatePolicy = { maxAccuracyDrop: 0.01, maxIntentDrop: 0.1 };

/** A sentence whose answer changed between the two models. */
export interface Flip {
  text: string;
  expected: string;
  before: string;
  after: string;
}

/** An intent whose own tests got worse. */
export interface IntentChange {
  intent: string;
  support: number;
  before: number;
  after: number;
  /** True when the fall is larger than the policy allows. */
  broken: boolean;
}

/** The gate's full verdict. */
export interface GateReport {
  pass: boolean;
  /** Why it did not pass: `accuracy_drop`, `intent_broken`. */
  reasons: ('accuracy_drop' | 'intent_broken')[];
  accuracyBefore: number | null;
  accuracyAfter: number;
  /** accuracyBefore - accuracyAfter (negative: better). */
  accuracyDrop: number;
  worse: IntentChange[];
  /** Right before, wrong now. */
  flipped: Flip[];
  /** Wrong before, right now. */
  fixed: Flip[];
}

const key = (p: SentencePrediction): string => `${p.expected}\u0000${p.text}`;

function recallOf(preds: SentencePrediction[], intent: string): { support: number; recall: number } {
  const own = preds.filter((p) => p.expected === intent);
  const right = own.filter((p) => p.predicted === intent).length;
  return { support: own.length, recall: own.length === 0 ? 0 : right / own.length };
}

/** Compares a candidate with the current model, both evaluated on the same held-out tests. */
export function compareModels(current: Evaluation | null, candidate: Evaluation, policy: GatePolicy = DEFAULT_GATE_POLICY): GateReport {
  if (!current) return { pass: true, reasons: [], accuracyBefore: null, accuracyAfter: candidate.accuracy, accuracyDrop: 0, worse: [], flipped: [], fixed: [] };
  // Only sentences both models saw count; a stored evaluation of older tests then still compares fairly.
  const before = new Map(current.predictions.map((p) => [key(p), p]));
  const pairs = candidate.predictions.flatMap((p) => {
    const b = before.get(key(p));
    return b ? [{ b, a: p }] : [];
  });
  const flipped: Flip[] = [];
  const fixed: Flip[] = [];
  for (const { a, b } of pairs) {
    const flip = { text: a.text, expected: a.expected, before: b.predicted, after: a.predicted };
    if (b.predicted === b.expected && a.predicted !== a.expected) flipped.push(flip);
    if (b.predicted !== b.expected && a.predicted === a.expected) fixed.push(flip);
  }
  const accBefore = pairs.length === 0 ? 0 : pairs.filter((p) => p.b.predicted === p.b.expected).length / pairs.length;
  const accAfter = pairs.length === 0 ? 0 : pairs.filter((p) => p.a.predicted === p.a.expected).length / pairs.length;
  const intents = [...new Set(pairs.map((p) => p.a.expected))].sort();
  const worse: IntentChange[] = [];
  for (const intent of intents) {
    const b = recallOf(pairs.map((p) => p.b), intent);
    const a = recallOf(pairs.map((p) => p.a), intent);
    if (a.recall < b.recall) {
      worse.push({ intent, support: a.support, before: b.recall, after: a.recall, broken: b.recall - a.recall > policy.maxIntentDrop + 1e-9 });
    }
  }
  worse.sort((x, y) => (y.before - y.after) - (x.before - x.after));
  const accuracyDrop = accBefore - accAfter;
  const reasons: GateReport['reasons'] = [];
  if (accuracyDrop > policy.maxAccuracyDrop + 1e-9) reasons.push('accuracy_drop');
  if (worse.some((w) => w.broken)) reasons.push('intent_broken');
  return {
    pass: reasons.length === 0, reasons, accuracyBefore: accBefore, accuracyAfter: accAfter, accuracyDrop, worse, flipped, fixed,
  };
}

/** The part of a report stored with the model in the registry. */
export function summarise(report: GateReport, against: string | null): GateSummary {
  return {
    pass: report.pass,
    against,
    accuracyBefore: report.accuracyBefore,
    accuracyAfter: report.accuracyAfter,
    worse: report.worse.map((w) => w.intent),
    broken: report.worse.filter((w) => w.broken).map((w) => w.intent),
    flipped: report.flipped.length,
    fixed: report.fixed.length,
  };
}
