import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNlu } from '../../src/intents/index.js';
import { loadModel, type ModelFile } from '../../src/intents/model.js';
import { normalise } from '../../src/intents/normalise.js';
import { createTrainRunner, type TrainOutcome } from '../../src/intents/train-runner.js';
import { decodeNet } from '../../src/intents/net-file.js';
import { runJob, transferList } from '../../src/intents/train-worker.js';
import { editIntent, smallCorpus } from './registry/helpers.js';

const corpus = smallCorpus();
/** Stored model files go here, not in the corpus folder (every .json there is read as an intent). */
const stored = mkdtempSync(join(tmpdir(), 'kefu-runner-models-'));
const runner = createTrainRunner();
let outcome: TrainOutcome;
let ticks = 0;

beforeAll(async () => {
  // A timer that only fires while this thread is free: training on this thread would leave it at zero.
  const timer = setInterval(() => { ticks += 1; }, 5);
  outcome = await runner.train({ trainingDir: corpus.dir, taken: [], now: new Date('2025-06-18T02:00:00Z') });
  clearInterval(timer);
});
afterAll(() => { corpus.cleanup(); rmSync(stored, { recursive: true, force: true }); });

/** The runner was given no file to write, so the JSON comes back as bytes. */
function bytes(json: TrainOutcome['json']): Uint8Array {
  if (!(json instanceof Uint8Array)) throw new Error('expected the JSON as bytes');
  return json;
}
const text = (json: TrainOutcome['json']): string => new TextDecoder().decode(bytes(json));
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
    expect(outcome.report.accuracyBefore).toBeNull();
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
    // Same corpus, same model: training is deterministic, so the baseline scores exactly the same and the gate passes.
    const withBaseline = await runner.train({ trainingDir: corpus.dir, baseline: { json: bytes(outcome.json) }, taken: [], now: new Date() });
    expect(withBaseline.report).toMatchObject({
      pass: true, accuracyBefore: withBaseline.evaluation.accuracy, accuracyDrop: 0, worse: [], flipped: [], fixed: [],
    });
  });

  test('the gate runs in the worker, against the baseline file and with the policy it is given', async () => {
    expect(outcome.report).toMatchObject({ pass: true, accuracyBefore: null, accuracyAfter: outcome.evaluation.accuracy });
    const file = join(stored, 'baseline.model.json');
    writeFileSync(file, bytes(outcome.json));
    // A careless edit leaves invoice two examples: most of its own tests now go elsewhere.
    const worse = smallCorpus();
    try {
      editIntent(worse.dir, 'invoice', (f) => { f.examples = { 'zh-Hans': (f.examples['zh-Hans'] ?? []).slice(0, 2) }; });
      const job = { trainingDir: worse.dir, baseline: { path: file }, taken: [], now: new Date() };
      const strict = await runner.train(job);
      expect(strict.report.pass).toBe(false);
      expect(strict.report.accuracyBefore).toBe(outcome.evaluation.accuracy);
      expect(strict.report.worse.find((w) => w.intent === 'invoice')).toMatchObject({ broken: true });
      const lenient = await runner.train({ ...job, policy: { maxAccuracyDrop: 1, maxIntentDrop: 1 } });
      expect(lenient.report.pass).toBe(true);
      expect(lenient.report.worse.find((w) => w.intent === 'invoice')).toMatchObject({ broken: false });
    } finally {
      worse.cleanup();
    }
  });

  test('given a file to save to, the worker writes the model there and sends back only its path', async () => {
    const file = join(stored, 'staged.tmp');
    const out = await runner.train({ trainingDir: corpus.dir, taken: [], now: new Date('2025-06-18T02:00:00Z'), saveTo: file });
    expect(out.json).toEqual({ path: file });
    // The same model as the one sent back as bytes (training is deterministic; only the time it took differs).
    const written = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
    expect(written).toEqual({ ...(JSON.parse(text(outcome.json)) as ModelFile), trainMs: written.trainMs });
  });

  test('a stored model is loaded in the worker from its file, its bytes or its text; broken JSON is refused with a code', async () => {
    const file = join(stored, 'stored.model.json');
    writeFileSync(file, bytes(outcome.json));
    for (const given of [{ path: file }, bytes(outcome.json), text(outcome.json)]) {
      const model = await runner.load(given);
      expect(createNlu(model).classify(normalise('可以开发票吗')).intent).toBe('invoice');
      expect(model.file.version).toBe(outcome.model.file.version);
    }
    await expect(runner.load('{ not json')).rejects.toMatchObject({ name: 'TrainError', code: 'train_failed' });
    await expect(runner.load({ path: join(stored, 'missing.json') })).rejects.toMatchObject({ name: 'TrainError', code: 'ENOENT' });
  });

  test('the worker sends the chat thread no per-weight numbers: flat float32 rows, and the vocabulary only when it differs', async () => {
    const r = await runJob({ kind: 'load', model: { json: bytes(outcome.json) } });
    if (!r.ok || !r.parts.net) throw new Error('expected the network in the answer');
    const { net } = r.parts;
    expect(net.weights).toBeInstanceOf(Float32Array);
    expect(net.weights.length).toBe(net.nameLengths.length * net.intents.length);
    expect(typeof net.names).toBe('string');
    expect(net.vocab).toBeNull();
    expect(transferList(r)).toEqual([net.weights.buffer, net.biases.buffer, net.nameLengths.buffer]);
  });

  test('given a network file, the worker writes the network there and sends none; the file reads back the same', async () => {
    const netFile = join(stored, 'net.bin');
    const inFile = await runJob({ kind: 'load', model: { json: bytes(outcome.json) }, netFile });
    const inMessage = await runJob({ kind: 'load', model: { json: bytes(outcome.json) } });
    if (!inFile.ok || !inMessage.ok) throw new Error('load failed');
    expect(inFile.parts.net).toBeNull();
    expect(transferList(inFile)).toEqual([]);
    expect(decodeNet(readFileSync(netFile))).toEqual(inMessage.parts.net);
  });
});
