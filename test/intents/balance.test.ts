import { describe, expect, test } from 'vitest';
import { balanced, MIN_PER_INTENT } from '../../src/intents/model.js';

const samples = (intent: string, n: number): { intent: string; text: string }[] =>
  Array.from({ length: n }, (_, i) => ({ intent, text: `${intent}-${i}` }));

describe('balancing small intents before training', () => {
  test('an intent with ten examples is repeated whole until it has at least the minimum', () => {
    const out = balanced([...samples('big', 200), ...samples('new', 10)], 50);
    const mine = out.filter((s) => s.intent === 'new');
    expect(mine).toHaveLength(50);
    // Every example the same number of times, so none of them weighs more than another.
    for (let i = 0; i < 10; i += 1) expect(mine.filter((s) => s.text === `new-${i}`)).toHaveLength(5);
  });

  test('intents at or over the minimum are left as they are, in their order', () => {
    const input = [...samples('a', MIN_PER_INTENT), ...samples('b', MIN_PER_INTENT + 7)];
    expect(balanced(input)).toEqual(input);
  });

  test('an uneven share rounds up: 7 examples under a minimum of 20 become 21', () => {
    expect(balanced(samples('x', 7), 20)).toHaveLength(21);
  });
});
