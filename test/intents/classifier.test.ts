import classifiers from 'node-nlp/src/classifiers/index.js';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/intents/analyse.js';
import { scaleInput } from '../../src/intents/classifier.js';
import { loadCorpus, testSamples } from '../../src/intents/corpus.js';
import { loadOrTrainModel } from '../../src/intents/index.js';
import { TEST_MODEL_CACHE } from '../global-setup.js';
import { TRAINING_DIR } from '../bot/helpers.js';

describe('the wrapped network', () => {
  it("gives exactly node-nlp's own run() outputs, for every held-out sentence", () => {
    const { model } = loadOrTrainModel({ trainingDir: TRAINING_DIR, cacheDir: TEST_MODEL_CACHE });
    const own = new classifiers.NeuralNetwork();
    own.fromJSON(model.file.net.net);
    const vocab = new Set(model.file.net.vocab);
    const sentences = [...testSamples(loadCorpus(TRAINING_DIR)).map((s) => s.text), 'asdfgh', '', '🙂'];
    let compared = 0;
    for (const text of sentences) {
      const { features } = analyse(text);
      const scaled = scaleInput(features, model.file.inputNorm ?? 0);
      const input = Object.fromEntries(Object.entries(scaled).filter(([k]) => vocab.has(k)));
      const ours = model.net.run(features);
      if (Object.keys(input).length === 0) {
        expect(ours.ranking).toEqual([]);
        continue;
      }
      expect(ours.outputs).toEqual({ ...own.run(input) });
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
