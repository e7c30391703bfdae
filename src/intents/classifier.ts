/** The one module that talks to node-nlp's classifier: train, run, save and load a model. */
import classifiers, { type NeuralNetwork as NeuralNetworkType } from 'node-nlp/src/classifiers/index.js';
import type { IntentId, IntentScore } from './types.js';

const { NeuralNetwork } = classifiers;

/** A training sample once turned into features. */
export interface FeatureSample {
  features: Record<string, number>;
  intent: string;
}

/** Trainer knobs; defaults were chosen by cross-validation (see `npm run eval`). */
export interface TrainSettings {
  iterations: number;
  learningRate: number;
  errorThresh: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { iterations: 60, learningRate: 0.6, errorThresh: 0.00005 };

/** A trained network plus the feature vocabulary it knows. */
export interface IntentNet {
  /** Scores for every intent, best first, normalised to sum to 1; `raw` is the strongest unnormalised activation. */
  run(features: Record<string, number>): { ranking: IntentScore[]; raw: number; known: number };
  toJSON(): NetJson;
}

/** Serialised form of an IntentNet. */
export interface NetJson {
  net: unknown;
  vocab: string[];
}

function wrap(net: NeuralNetworkType, vocab: Set<string>): IntentNet {
  return {
    run(features) {
      let known = 0;
      const input: Record<string, number> = {};
      for (const k in features) {
        if (vocab.has(k)) {
          input[k] = features[k] as number;
          known += 1;
        }
      }
      if (known === 0) return { ranking: [], raw: 0, known };
      const out = net.run(input) ?? {};
      let total = 0;
      let raw = 0;
      const ranking: IntentScore[] = [];
      for (const intent in out) {
        const s = out[intent] as number;
        if (s > raw) raw = s;
        total += s * s;
        ranking.push({ intent: intent as IntentId, score: s * s });
      }
      if (total > 0) for (const r of ranking) r.score /= total;
      ranking.sort((a, b) => b.score - a.score);
      return { ranking, raw, known };
    },
    toJSON: () => ({ net: net.toJSON(), vocab: [...vocab] }),
  };
}

/** A copy of the list in a fixed pseudo-random order (same seed, same order). */
function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((state / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Trains node-nlp's neural network on feature samples. */
export function trainNet(samples: FeatureSample[], settings: TrainSettings = DEFAULT_TRAIN_SETTINGS): IntentNet {
  const net = new NeuralNetwork({
    iterations: settings.iterations,
    learningRate: settings.learningRate,
    errorThresh: settings.errorThresh,
    // node-nlp stops when two epochs' errors happen to be within 1e-6; that cut runs short at random (15-57 of 60).
    deltaErrorThresh: 0,
    log: false,
  });
  const vocab = new Set<string>();
  for (const s of samples) for (const k in s.features) vocab.add(k);
  // node-nlp trains in corpus order every epoch; files come intent by intent, so without a shuffle each epoch ends
  // on thousands of in-scope examples that wear the None class down. A fixed seed keeps training repeatable.
  net.train(shuffled(samples).map((s) => ({ input: s.features, output: { [s.intent]: 1 } })));
  return wrap(net, vocab);
}

/** Rebuilds a network saved with toJSON(). */
export function loadNet(json: NetJson): IntentNet {
  const net = new NeuralNetwork();
  net.fromJSON(json.net);
  return wrap(net, new Set(json.vocab));
}
