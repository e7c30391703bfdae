/** Scores a model on the held-out tests, keeping every sentence's prediction so two models can be compared. */
import type { Sample } from '../corpus.js';
import { score } from '../eval/metrics.js';
import type { Nlu } from '../types.js';
import type { Evaluation } from './types.js';

/** Classifies every held-out sentence with `nlu` and computes the figures per intent. */
export function evaluate(nlu: Nlu, tests: Sample[]): Evaluation {
  const predictions = tests.map((s) => {
    const c = nlu.classify(nlu.normalise(s.text));
    return { text: s.text, expected: s.intent, predicted: c.intent as string, score: Math.round(c.score * 1000) / 1000 };
  });
  const report = score(predictions);
  const expected = [...new Set(tests.map((s) => s.intent))].sort();
  const perIntent = expected.map((intent) => {
    const support = predictions.filter((p) => p.expected === intent).length;
    const correct = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const precision = report.perIntent.find((r) => r.intent === intent)?.precision ?? 0;
    return { intent, support, correct, recall: support === 0 ? 0 : correct / support, precision };
  });
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return { total: predictions.length, correct, accuracy: report.accuracy, perIntent, predictions };
}
