/** Scores predictions: accuracy, per-intent precision/recall, confused pairs, out-of-scope figures. */
import { seededShuffle } from '../shuffle.js';

/** One scored prediction. */
export interface Prediction {
  text: string;
  expected: string;
  predicted: string;
}

export interface IntentFigures {
  intent: string;
  support: number;
  precision: number;
  recall: number;
}

/** All figures of one evaluation run. */
export interface Report {
  total: number;
  accuracy: number;
  /** Share of in-scope messages given their right intent. */
  inScopeAccuracy: number;
  /** Share of out-of-scope (None) messages answered None. */
  oosRecall: number;
  /** Share of in-scope messages wrongly answered None. */
  falseRejection: number;
  perIntent: IntentFigures[];
  confused: { expected: string; predicted: string; count: number }[];
  errors: Prediction[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Computes the report for a list of predictions. */
export function score(preds: Prediction[]): Report {
  const intents = [...new Set(preds.flatMap((p) => [p.expected, p.predicted]))].sort();
  const perIntent = intents.map((intent) => {
    const tp = preds.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = preds.filter((p) => p.predicted === intent).length;
    const support = preds.filter((p) => p.expected === intent).length;
    return { intent, support, precision: ratio(tp, predicted), recall: ratio(tp, support) };
  });
  const pairs = new Map<string, number>();
  for (const p of preds) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}\u0000${p.predicted}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const confused = [...pairs.entries()]
    .map(([k, count]) => {
      const [expected = '', predicted = ''] = k.split('\u0000');
      return { expected, predicted, count };
    })
    .sort((a, b) => b.count - a.count);
  const inScope = preds.filter((p) => p.expected !== 'None');
  const oos = preds.filter((p) => p.expected === 'None');
  return {
    total: preds.length,
    accuracy: ratio(preds.filter((p) => p.expected === p.predicted).length, preds.length),
    inScopeAccuracy: ratio(inScope.filter((p) => p.predicted === p.expected).length, inScope.length),
    oosRecall: ratio(oos.filter((p) => p.predicted === 'None').length, oos.length),
    falseRejection: ratio(inScope.filter((p) => p.predicted === 'None').length, inScope.length),
    perIntent,
    confused,
    errors: preds.filter((p) => p.expected !== p.predicted),
  };
}

/** Splits items into k folds deterministically (round-robin after a seeded shuffle). */
export function folds<T>(items: T[], k: number, seed = 42): T[][] {
  const arr = seededShuffle(items, seed);
  const out: T[][] = Array.from({ length: k }, () => []);
  arr.forEach((item, i) => out[i % k]?.push(item));
  return out;
}
