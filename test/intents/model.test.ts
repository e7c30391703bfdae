import { describe, expect, test } from 'vitest';
import { buildNet, loadNet, netArrays, type NetJson } from '../../src/intents/classifier.js';
import { testSamples } from '../../src/intents/corpus.js';
import { createNlu, loadOrTrainModel } from '../../src/intents/index.js';
import { buildModel, loadModel, modelParts } from '../../src/intents/model.js';
import { normalise } from '../../src/intents/normalise.js';
import { analyseNormalised } from '../../src/intents/analyse.js';
import { TEST_MODEL_CACHE } from '../global-setup.js';

const { model: cached, corpus } = loadOrTrainModel({ trainingDir: 'training', cacheDir: TEST_MODEL_CACHE });
/** The model file as it is stored (what the registry and the cache hold). */
const file = JSON.parse(JSON.stringify(cached.file)) as typeof cached.file;
const heldOut = testSamples(corpus);

describe('building a model in slices on the chat thread', () => {
  test('a model built from its parts answers every held-out sentence exactly as one loaded from its JSON', async () => {
    const loaded = createNlu(loadModel(file));
    const { model } = await buildModel(modelParts(file));
    const built = createNlu(model);
    expect(heldOut.length).toBeGreaterThan(1000);
    const differ = heldOut.filter((s) => {
      const norm = normalise(s.text);
      const a = loaded.classify(norm);
      const b = built.classify(norm);
      return JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(loaded.classifyClauses(norm)) !== JSON.stringify(built.classifyClauses(norm));
    });
    expect(differ.map((s) => s.text)).toEqual([]);
  });

  test('the network gives the same raw outputs and saves back to the same JSON', async () => {
    const loaded = loadModel(file);
    const { model } = await buildModel(modelParts(file));
    for (const s of heldOut.slice(0, 200)) {
      const { features } = analyseNormalised(normalise(s.text));
      expect(model.net.run(features)).toEqual(loaded.net.run(features));
    }
    expect(JSON.parse(JSON.stringify(model.file))).toEqual(file);
  });

  test('the build yields to the event loop between slices, and work queued meanwhile runs before it ends', async () => {
    const parts = modelParts(file);
    let pauses = 0;
    let queuedRan = false;
    const building = buildModel(parts, {
      sliceMs: 0,
      pause: () => new Promise((resolve) => { pauses += 1; setImmediate(resolve); }),
    });
    setImmediate(() => { queuedRan = true; });
    const { model, times } = await building;
    // With no time allowed per slice, each slice indexes 256 feature names.
    expect(pauses).toBe(Math.ceil(parts.net.nameLengths.length / 256) - 1);
    expect(queuedRan).toBe(true);
    expect(times.longestMs).toBeLessThanOrEqual(times.busyMs);
    expect(model.file.version).toBe(file.version);
  });

  test('arrays that do not fit the features and intents are refused', async () => {
    const parts = modelParts(file);
    const short = { ...parts, net: { ...parts.net, weights: parts.net.weights.subarray(1) } };
    await expect(buildModel(short)).rejects.toThrow(/do not fit/);
    await expect(buildModel({ ...parts, file: { ...parts.file, format: 2 as 1 } })).rejects.toThrow(/format 2/);
  });
});

describe('flattening a saved network', () => {
  const net: NetJson = {
    net: { settings: { iterations: 20 }, features: ['w:a', 'w:b'], intents: ['x', 'y'], perceptrons: [[0.5, -0.25, 0.1], [1, 2, -0.3]] },
    vocab: ['w:a', 'w:b'],
  };

  test('weights become float32 rows, biases stay doubles, and the feature names one string with their lengths', () => {
    const a = netArrays(net);
    expect([...a.weights]).toEqual([0.5, -0.25, 1, 2]);
    expect([...a.biases]).toEqual([0.1, -0.3]);
    expect(a.names).toBe('w:aw:b');
    expect([...a.nameLengths]).toEqual([3, 3]);
    expect(a.vocab).toBeNull();
  });

  test('a name Object.prototype has keeps the vocabulary apart, so the built net knows what loadNet knows', () => {
    const odd: NetJson = { net: { ...(net.net as object), features: ['w:a', 'constructor'] }, vocab: ['w:a', 'constructor'] };
    expect(netArrays(odd).vocab).toEqual(['w:a', 'constructor']);
  });

  test('a vocabulary that differs from the features is kept, and decides which features count as known', async () => {
    const wider: NetJson = { ...net, vocab: ['w:a', 'w:b', 'w:c'] };
    expect(netArrays(wider).vocab).toEqual(['w:a', 'w:b', 'w:c']);
    const { net: built } = await buildNet(netArrays(wider));
    expect(built.run({ 'w:a': 1, 'w:c': 1 })).toEqual(loadNet(wider).run({ 'w:a': 1, 'w:c': 1 }));
    expect(built.run({ 'w:c': 1 }).known).toBe(1);
    expect(built.toJSON()).toEqual(loadNet(wider).toJSON());
  });
});
