import { describe, expect, test } from 'vitest';
import { compareModels, summarise } from '../../src/intents/gate.js';
import type { Evaluation, SentencePrediction } from '../../src/intents/registry/types.js';

/** An evaluation from [text, expected, predicted] rows. */
function evaluation(rows: [string, string, string][]): Evaluation {
  const predictions: SentencePrediction[] = rows.map(([text, expected, predicted]) => ({ text, expected, predicted, score: 0.9 }));
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return { total: rows.length, correct, accuracy: correct / rows.length, perIntent: [], predictions };
}

/** n test sentences of one intent, all answered `predicted` (or right when not given). */
const many = (intent: string, n: number, predicted = intent, from = 0): [string, string, string][] =>
  Array.from({ length: n }, (_, i) => [`${intent} ${from + i}`, intent, predicted]);

describe('regression gate', () => {
  test('the first model passes: there is nothing to compare it with', () => {
    const r = compareModels(null, evaluation(many('size', 10)));
    expect(r.pass).toBe(true);
    expect(r.accuracyBefore).toBeNull();
  });

  test('a model as good as the current one passes', () => {
    const e = evaluation([...many('size', 50), ...many('color', 50)]);
    const r = compareModels(e, e);
    expect(r).toMatchObject({ pass: true, reasons: [], accuracyDrop: 0, worse: [], flipped: [], fixed: [] });
  });

  test('one point worse overall is still allowed, more than one point is held back', () => {
    // 20 intents × 10 tests: 2 flips = exactly one point; 3 flips = 1.5 points.
    const base = Array.from({ length: 20 }, (_, i) => many(`i${i}`, 10)).flat();
    const flip = (n: number): [string, string, string][] => base.map((row, j) => (j % 10 === 0 && j / 10 < n ? [row[0], row[1], 'None'] : row));
    const onePoint = compareModels(evaluation(base), evaluation(flip(2)), { maxAccuracyDrop: 0.01, maxIntentDrop: 0.5 });
    expect(onePoint.accuracyDrop).toBeCloseTo(0.01);
    expect(onePoint.pass).toBe(true);
    const worse = compareModels(evaluation(base), evaluation(flip(3)), { maxAccuracyDrop: 0.01, maxIntentDrop: 0.5 });
    expect(worse.pass).toBe(false);
    expect(worse.reasons).toEqual(['accuracy_drop']);
    expect(worse.flipped).toHaveLength(3);
  });

  test('an intent that loses more than ten points of its own tests breaks the gate even when overall accuracy holds', () => {
    const before = evaluation([...many('invoice', 10), ...many('size', 300)]);
    // invoice loses two tests in ten (20 points); overall it is well under one point.
    const after = evaluation([
      ['invoice 0', 'invoice', 'payment'], ['invoice 1', 'invoice', 'None'], ...many('invoice', 8, 'invoice', 2), ...many('size', 300),
    ]);
    const r = compareModels(before, after);
    expect(r.accuracyDrop).toBeLessThan(0.01);
    expect(r.pass).toBe(false);
    expect(r.reasons).toEqual(['intent_broken']);
    expect(r.worse).toEqual([{ intent: 'invoice', support: 10, before: 1, after: 0.8, broken: true }]);
    expect(r.flipped).toEqual([
      { text: 'invoice 0', expected: 'invoice', before: 'invoice', after: 'payment' },
      { text: 'invoice 1', expected: 'invoice', before: 'invoice', after: 'None' },
    ]);
  });

  test('losing exactly ten points of an intent is still within the allowance', () => {
    const before = evaluation([...many('invoice', 10), ...many('size', 300)]);
    const after = evaluation([['invoice 0', 'invoice', 'payment'], ...many('invoice', 9, 'invoice', 1), ...many('size', 300)]);
    expect(compareModels(before, after)).toMatchObject({ pass: true, worse: [{ intent: 'invoice', broken: false }] });
  });

  test('a small dip in one intent is listed as worse but does not hold the model back', () => {
    const before = evaluation([...many('shipping', 60), ...many('size', 200)]);
    const after = evaluation([['shipping 0', 'shipping', 'tracking'], ...many('shipping', 59, 'shipping', 1), ...many('size', 200)]);
    const r = compareModels(before, after);
    expect(r.pass).toBe(true);
    expect(r.worse.map((w) => [w.intent, w.broken])).toEqual([['shipping', false]]);
  });

  test('sentences fixed by the new model are reported apart from the ones that flipped', () => {
    const before = evaluation([['有发票吗', 'invoice', 'None'], ['多久发货', 'shipping', 'shipping']]);
    const after = evaluation([['有发票吗', 'invoice', 'invoice'], ['多久发货', 'shipping', 'shipping']]);
    const r = compareModels(before, after);
    expect(r.fixed).toEqual([{ text: '有发票吗', expected: 'invoice', before: 'None', after: 'invoice' }]);
    expect(r.flipped).toEqual([]);
    expect(r.accuracyDrop).toBeCloseTo(-0.5);
  });

  test('only sentences both models were scored on are compared, so new tests never count as a regression', () => {
    const before = evaluation(many('size', 10));
    const after = evaluation([...many('size', 10), ...many('gift_wrap', 10, 'None')]);
    const r = compareModels(before, after);
    expect(r.pass).toBe(true);
    expect(r.accuracyAfter).toBe(1);
  });

  test('the stored summary names the worse and the broken intents', () => {
    const before = evaluation([...many('a', 10), ...many('b', 200)]);
    const after = evaluation([['a 0', 'a', 'b'], ['a 1', 'a', 'b'], ...many('a', 8, 'a', 2), ['b 0', 'b', 'a'], ...many('b', 199, 'b', 1)]);
    const s = summarise(compareModels(before, after), 'v1');
    expect(s).toMatchObject({ pass: false, against: 'v1', worse: ['a', 'b'], broken: ['a'], flipped: 3, fixed: 0 });
  });
});
