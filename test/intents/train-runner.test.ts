import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNlu } from '../../src/intents/index.js';
import { loadModel, type ModelFile } from '../../src/intents/model.js';
import { normalise } from '../../src/intents/normalise.js';
import { createTrainRunner, type TrainOutcome } from '../../src/intents/train-runner.js';
import { smallCorpus } from './registry/helpers.js';

const corpus = smallCorpus();
const runner = createTrainRunner();
let outcome: TrainOutcome;
let ticks = 0;

beforeAll(async () => {
  // A timer that only fires while this thread is free: training on this thread would leave it at zero.
  const timer = setInterval(() => { ticks += 1; }, 5);
  outcome = await runner.train({ trainingDir: corpus.dir, taken: [], now: new Date('2025-06-18T02:00:00Z') });
  clearInterval(timer);
});
afterAll(() => corpus.cleanup());

const text = (json: Uint8Array): string => new TextDecoder().decode(json);
const SENTENCES = ['可以开发票吗', '多久发货', '170 60kg穿什么码', '你好 在吗', '今天天气怎么样', 'can i get an invoice'];

describe('training off the main thread', () => {
  test('the chat thread keeps running while the worker trains', () => {
    expect(ticks).toBeGreaterThan(10);
  });

  test('the trained model comes back with its version, corpus size and held-out evaluation', () => {
    const f = outcome.model.file;
    expect(f.version).toMatch(/^[0-9a-f]{16}-20250618T020000$/);
    expect(f.corpusSize).toBeGreaterThan(500);
    expect(outcome.evaluation.total).toBe(outcome.evaluation.predictions.length);
    expect(outcome.evaluation.accuracy).toBeGreaterThan(0.6);
    expect(outcome.baseline).toBeNull();
  });

  test('the model rebuilt from transferred arrays answers exactly like one loaded from its JSON text', () => {
    const fromJson = createNlu(loadModel(JSON.parse(text(outcome.json)) as ModelFile));
    const transferred = createNlu(outcome.model);
    for (const s of SENTENCES) expect(transferred.classify(normalise(s))).toEqual(fromJson.classify(normalise(s)));
  });

  test('a version already in the registry gets a suffix instead of a clash', async () => {
    const again = await runner.train({ trainingDir: corpus.dir, taken: [outcome.model.file.version], now: new Date('2025-06-18T02:00:00Z') });
    expect(again.model.file.version).toBe(`${outcome.model.file.version}-2`);
    expect((JSON.parse(text(again.json)) as ModelFile).version).toBe(again.model.file.version);
    // Same corpus, same model: training is deterministic, so the baseline scores exactly the same.
    const withBaseline = await runner.train({ trainingDir: corpus.dir, baselineJson: text(outcome.json), taken: [], now: new Date() });
    expect(withBaseline.baseline?.predictions).toEqual(withBaseline.evaluation.predictions);
  });

  test('a stored model is loaded in the worker, and broken JSON is refused with a code', async () => {
    const model = await runner.load(text(outcome.json));
    expect(createNlu(model).classify(normalise('可以开发票吗')).intent).toBe('invoice');
    await expect(runner.load('{ not json')).rejects.toMatchObject({ name: 'TrainError', code: 'train_failed' });
  });
});
