import { describe, expect, it } from 'vitest';
import { createBatchRunner, MAX_BATCH } from '../../../src/bot/pipeline/batch.js';
import type { Stage } from '../../../src/bot/pipeline/turn.js';
import { bareTurn } from '../helpers.js';

/** A stage that notes which turn it saw, so the order of the work is visible. */
const noting = (name: string, log: string[]): Stage => (turn) => {
  log.push(`${name} ${turn.raw}`);
  return turn;
};

describe('batch runner', () => {
  it('runs the turns that arrive together stage by stage, each turn getting its own result', async () => {
    const log: string[] = [];
    const run = createBatchRunner([noting('normalise', log), noting('classify', log), (turn) => ({ ...turn, via: 'clauses' })]);
    const [a, b] = await Promise.all([run(bareTurn('在吗')), run(bareTurn('包邮吗'))]);
    expect(log).toEqual(['normalise 在吗', 'normalise 包邮吗', 'classify 在吗', 'classify 包邮吗']);
    expect(a.raw).toBe('在吗');
    expect(b.raw).toBe('包邮吗');
    expect(a.via).toBe('clauses');
  });

  it('fails only the turn whose stage throws or rejects; the others go on to the end', async () => {
    const log: string[] = [];
    const run = createBatchRunner([
      (turn) => { if (turn.raw === 'bad') throw new Error('stage bug'); return turn; },
      async (turn) => { if (turn.raw === 'worse') throw new Error('async stage bug'); return turn; },
      noting('respond', log),
    ]);
    const results = await Promise.allSettled([run(bareTurn('ok 1')), run(bareTurn('bad')), run(bareTurn('worse')), run(bareTurn('ok 2'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(log).toEqual(['respond ok 1', 'respond ok 2']);
  });

  it('answers every turn when more arrive at once than one batch holds', async () => {
    const batches: number[] = [];
    let inBatch = 0;
    const run = createBatchRunner([
      (turn) => { inBatch += 1; return turn; },
      (turn) => { if (inBatch > 0) { batches.push(inBatch); inBatch = 0; } return turn; },
    ]);
    const texts = Array.from({ length: MAX_BATCH * 2 + 5 }, (_, i) => `q${i}`);
    const done = await Promise.all(texts.map((t) => run(bareTurn(t))));
    expect(done.map((t) => t.raw)).toEqual(texts);
    expect(batches).toEqual([MAX_BATCH, MAX_BATCH, 5]);
  });
});
