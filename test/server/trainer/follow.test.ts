import { afterAll, describe, expect, test } from 'vitest';
import { createNlu } from '../../../src/intents/index.js';
import { normalise } from '../../../src/intents/normalise.js';
import { createMemoryRegistryStore, createRegistry } from '../../../src/intents/registry/index.js';
import { createTrainRunner } from '../../../src/intents/train-runner.js';
import { followRegistry } from '../../../src/server/trainer/follow.js';
import { smallCorpus } from '../../intents/registry/helpers.js';

const corpus = smallCorpus();
afterAll(() => corpus.cleanup());

describe('following the model registry', () => {
  test('a model made current by another process (npm run train) is loaded and switched in once', async () => {
    const registry = createRegistry(createMemoryRegistryStore());
    const runner = createTrainRunner();
    const out = await runner.train({ trainingDir: corpus.dir, taken: [], now: new Date('2025-06-18T02:00:00Z') });
    const { version, trainedAt, corpusHash, corpusSize, intents, trainMs } = out.model.file;
    let inUse = 'older-model';
    const switched: string[] = [];
    const logs: string[] = [];
    const stop = followRegistry({
      registry, runner, everyMs: 20, inUse: () => inUse, log: (m) => logs.push(m),
      switchTo(model, v) {
        expect(createNlu(model).classify(normalise('可以开发票吗')).intent).toBe('invoice');
        inUse = v;
        switched.push(v);
      },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(switched).toEqual([]); // nothing registered yet
    await registry.add({
      meta: { version, trainedAt, corpusHash, corpusSize, intents, trainMs }, json: out.json, evaluation: out.evaluation,
      source: 'cli', gate: null, report: null, status: 'current',
    });
    await expect.poll(() => switched, { timeout: 20_000 }).toEqual([version]);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(switched).toEqual([version]);
    expect(logs.some((l) => l.includes(version))).toBe(true);
  }, 60_000);
});
