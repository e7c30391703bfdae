import { describe, expect, it } from 'vitest';
import { folds, score } from '../../../src/intents/eval/metrics.js';

describe('metrics', () => {
  const preds = [
    { text: 'a', expected: 'size', predicted: 'size' },
    { text: 'b', expected: 'size', predicted: 'color' },
    { text: 'c', expected: 'color', predicted: 'color' },
    { text: 'd', expected: 'None', predicted: 'None' },
    { text: 'e', expected: 'None', predicted: 'size' },
    { text: 'f', expected: 'color', predicted: 'None' },
  ];

  it('computes accuracy, out-of-scope recall and false rejection', () => {
    const r = score(preds);
    expect(r.accuracy).toBeCloseTo(3 / 6);
    expect(r.inScopeAccuracy).toBeCloseTo(2 / 4);
    expect(r.oosRecall).toBeCloseTo(1 / 2);
    expect(r.falseRejection).toBeCloseTo(1 / 4);
  });

  it('computes per-intent precision and recall and ranks confused pairs', () => {
    const r = score([...preds, { text: 'g', expected: 'size', predicted: 'color' }]);
    const size = r.perIntent.find((i) => i.intent === 'size');
    expect(size).toEqual({ intent: 'size', support: 3, precision: 1 / 2, recall: 1 / 3 });
    expect(r.confused[0]).toEqual({ expected: 'size', predicted: 'color', count: 2 });
  });

  it('splits into k folds that cover every item once', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const parts = folds(items, 5);
    expect(parts).toHaveLength(5);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(items);
    expect(folds(items, 5)).toEqual(parts);
  });
});
