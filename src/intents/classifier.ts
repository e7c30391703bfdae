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
  /**
   * Each message's feature vector is scaled to this squared length (0: plain 1s, as models trained before it).
   * node-nlp moves every active weight by the same step, so with plain 1s a 30-feature message overshoots its
   * target while a 3-feature one barely moves; a fixed length makes every message take the same step.
   * Measured with shuffled samples and the reject rule (3-fold, 10k examples): plain 1s lost 1.2 points of in-scope
   * accuracy and 3 of out-of-scope recall against 5; 4 scored the same as 5 (before shuffling, 4 tipped
   * 今天下单什么时候发货 from shipping to tracking, so 5 was kept).
   */
  inputNorm: number;
}

/**
 * With the samples shuffled (model.ts), 10, 15, 20, 40 and 60 passes scored within half a point of each other in
 * 3-fold; 20 leaves room for smaller corpora. The reject rule is fitted to this setting: refit it when changing it.
 * Learning rate 0.3 scored the same as 0.6.
 */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { iterations: 20, learningRate: 0.6, errorThresh: 0.00005, inputNorm: 5 };

/** What the network says about one message. */
export interface NetRun {
  /** Scores for every intent, best first, normalised to sum to 1. */
  ranking: IntentScore[];
  /** The strongest unnormalised activation. */
  raw: number;
  /** How many of the message's features the network knows. */
  known: number;
  /** Unnormalised activation of every intent (0 when the unit did not fire). */
  outputs: Partial<Record<IntentId, number>>;
}

/** A trained network plus the feature vocabulary it knows. */
export interface IntentNet {
  run(features: Record<string, number>): NetRun;
  toJSON(): NetJson;
}

/** Serialised form of an IntentNet. */
export interface NetJson {
  net: unknown;
  vocab: string[];
}

/** Scales a feature vector to squared length `norm` (0 leaves it as it is). */
export function scaleInput(features: Record<string, number>, norm: number): Record<string, number> {
  if (norm <= 0) return features;
  let sq = 0;
  for (const k in features) sq += (features[k] as number) ** 2;
  if (sq === 0) return features;
  const s = Math.sqrt(norm / sq);
  const out: Record<string, number> = {};
  for (const k in features) out[k] = (features[k] as number) * s;
  return out;
}

/** The feature names a network knows: what run() keeps of a message, and what toJSON() saves. */
interface Vocabulary {
  has(name: string): boolean;
  list(): string[];
}

function setVocabulary(names: Set<string> | string[]): Vocabulary {
  const set = names instanceof Set ? names : new Set(names);
  return { has: (name) => set.has(name), list: () => [...set] };
}

function wrap(net: NeuralNetworkType, vocab: Vocabulary, inputNorm: number): IntentNet {
  const internals = net as unknown as NetInternals;
  // node-nlp's run() turns the input into {keys, data} with `data` a plain object indexed by feature number, which
  // V8 grows as a sparse array: ~29 KB of garbage a message. The same {keys, data} is built here over one reused
  // array and handed to node-nlp's own runInput(), so the network computes exactly what run() computes.
  let dict: Record<string, number> | undefined;
  let data: Float64Array | undefined;
  return {
    run(features) {
      // Scaled over all the message's features, known or not, as in training: unknown words weaken the rest.
      const scaled = scaleInput(features, inputNorm);
      if (!internals.numPerceptrons) return { ranking: [], raw: 0, known: 0, outputs: {} }; // untrained: nothing known
      dict ??= internals.lookup.inputLookup.dict;
      data ??= new Float64Array(internals.lookup.numInputs);
      let known = 0;
      const keys: number[] = [];
      for (const k in scaled) {
        if (!vocab.has(k)) continue;
        known += 1;
        const index = dict[k];
        if (typeof index === 'number') {
          keys.push(index);
          data[index] = scaled[k] as number;
        }
      }
      if (known === 0) return { ranking: [], raw: 0, known, outputs: {} };
      const out = internals.runInput({ keys, data });
      for (const index of keys) data[index] = 0;
      let total = 0;
      let raw = 0;
      const ranking: IntentScore[] = [];
      const outputs: Partial<Record<IntentId, number>> = {};
      for (const intent in out) {
        const s = out[intent] as number;
        outputs[intent as IntentId] = s;
        if (s > raw) raw = s;
        total += s * s;
        ranking.push({ intent: intent as IntentId, score: s * s });
      }
      if (total > 0) for (const r of ranking) r.score /= total;
      ranking.sort((a, b) => b.score - a.score);
      return { ranking, raw, known, outputs };
    },
    toJSON: () => ({ net: net.toJSON(), vocab: vocab.list() }),
  };
}

/** Trains node-nlp's neural network on feature samples. */
export function trainNet(samples: FeatureSample[], settings: TrainSettings = DEFAULT_TRAIN_SETTINGS): IntentNet {
  const net = new NeuralNetwork({
    iterations: settings.iterations,
    learningRate: settings.learningRate,
    errorThresh: settings.errorThresh,
    // node-nlp stops when two epochs' errors happen to be within 1e-6; that cut runs short at random.
    deltaErrorThresh: 0,
    log: false,
  });
  const vocab = new Set<string>();
  for (const s of samples) for (const k in s.features) vocab.add(k);
  net.train(samples.map((s) => ({ input: scaleInput(s.features, settings.inputNorm), output: { [s.intent]: 1 } })));
  return wrap(net, setVocabulary(vocab), settings.inputNorm);
}

/** Rebuilds a network saved with toJSON(); `inputNorm` must be the one it was trained with. */
export function loadNet(json: NetJson, inputNorm = 0): IntentNet {
  const net = new NeuralNetwork();
  net.fromJSON(json.net);
  return wrap(net, setVocabulary(json.vocab), inputNorm);
}

/**
 * A saved network in a few flat pieces, cheap to send between processes: deserialising ~25k feature-name strings
 * and as many weight numbers per intent is what held the chat thread up, one string and typed arrays are copies.
 */
export interface NetArrays {
  settings: unknown;
  intents: string[];
  /** The feature names, concatenated; `nameLengths` cuts them apart again (no separator a name could contain). */
  names: string;
  nameLengths: Uint32Array;
  /** One row of features weights per intent. node-nlp keeps weights as float32, so nothing is lost. */
  weights: Float32Array;
  /** One bias per intent (a plain double in node-nlp). */
  biases: Float64Array;
  /** The vocabulary, or null when it is the feature names themselves (it is for every model trained so far). */
  vocab: string[] | null;
}

/** node-nlp's toJSON() layout: each perceptron is its weights followed by its bias. */
interface RawNet { settings: unknown; features: string[]; intents: string[]; perceptrons: ArrayLike<number>[] }

/** Flattens a saved network into NetArrays (done in the training process, off the chat thread). */
export function netArrays(json: NetJson): NetArrays {
  const raw = json.net as RawNet;
  const n = raw.features.length;
  const weights = new Float32Array(raw.intents.length * n);
  const biases = new Float64Array(raw.intents.length);
  raw.perceptrons.forEach((p, i) => {
    for (let j = 0; j < n; j += 1) weights[i * n + j] = p[j] as number;
    biases[i] = p[n] as number;
  });
  // null only when buildNet may let node-nlp's lookup stand for it: same names, none an Object.prototype name.
  const same = json.vocab.length === n && json.vocab.every((v, i) => v === raw.features[i] && !(v in Object.prototype));
  return {
    settings: raw.settings, intents: raw.intents, names: raw.features.join(''), nameLengths: Uint32Array.from(raw.features, (f) => f.length),
    weights, biases, vocab: same ? null : json.vocab,
  };
}

interface Lookup { add(key: string): void; items: string[]; dict: Record<string, number> }

/** The fields node-nlp's own fromJSON fills in; buildNet fills the same ones, a slice at a time. */
interface NetInternals {
  lookup: { inputLookup: Lookup; outputLookup: Lookup; numInputs: number; numOutputs: number };
  /** Output units; 0 (or unset) before training, when run() answers nothing. */
  numPerceptrons?: number;
  /** The forward pass behind run(), on an input already looked up: feature numbers and their values. */
  runInput(input: { keys: number[]; data: ArrayLike<number> }): Record<string, number>;
  perceptrons: { weights: Float32Array; changes: Float32Array; bias: number }[];
  prepareCorpus(corpus: never[]): unknown;
  initialize(numInputs: number, intents: string[]): void;
}

/** How long buildNet kept the thread, in all and at most at once. */
export interface BuildTimes {
  busyMs: number;
  longestMs: number;
}

/** Yields to the event loop: I/O callbacks (the chats) run before the next slice. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The network loadNet builds, built on the chat thread without blocking it: the feature lookup and the vocabulary
 * (~25k strings, ~10-30 ms in one go with a GC) are filled `sliceMs` at a time with a turn of the event loop in
 * between, and the weights are views on the received arrays instead of copies. Same fields, same values, same
 * answers as loadNet (test/intents/model.test.ts).
 */
export async function buildNet(a: NetArrays, inputNorm = 0, opts: { sliceMs?: number; pause?: () => Promise<void> } = {}): Promise<{ net: IntentNet; times: BuildTimes }> {
  const n = a.nameLengths.length;
  if (a.weights.length !== a.intents.length * n || a.biases.length !== a.intents.length) throw new Error('network arrays do not fit its features and intents');
  const sliceMs = opts.sliceMs ?? 2;
  const pause = opts.pause ?? nextTurn;
  const times: BuildTimes = { busyMs: 0, longestMs: 0 };
  let started = performance.now();
  const endSlice = async (): Promise<void> => {
    const ms = performance.now() - started;
    times.busyMs += ms;
    times.longestMs = Math.max(times.longestMs, ms);
    await pause();
    started = performance.now();
  };
  const nn = new NeuralNetwork();
  nn.fromJSON({ settings: a.settings }); // settings only: no features, so no lookup or perceptrons yet
  const net = nn as unknown as NetInternals;
  net.prepareCorpus([]); // an empty lookup, filled below
  const extra = a.vocab ? new Set<string>() : null;
  const longest = Math.max(n, a.vocab?.length ?? 0);
  let at = 0;
  for (let i = 0; i < longest; ) {
    const stop = performance.now() + sliceMs;
    do {
      // At least 256 names a slice, so a busy clock cannot stall the build; the clock is read once per 256.
      for (const end = Math.min(i + 256, longest); i < end; i += 1) {
        if (i < n) net.lookup.inputLookup.add(a.names.slice(at, (at += a.nameLengths[i] as number)));
        if (extra && i < a.vocab!.length) extra.add(a.vocab![i] as string);
      }
    } while (i < longest && performance.now() < stop);
    if (i < longest) await endSlice();
  }
  // When the vocabulary is the feature names (it always has been), node-nlp's own lookup answers for it instead of a
  // second 25k-entry Set: it holds a name as an own property exactly when the name is a feature (Lookup.add skips
  // names the prototype has, such as "constructor", so those are no features either).
  const { dict, items } = net.lookup.inputLookup;
  const vocab: Vocabulary = extra ? setVocabulary(extra) : { has: (name) => Object.hasOwn(dict, name), list: () => [...items] };
  for (const intent of a.intents) net.lookup.outputLookup.add(intent);
  net.lookup.numInputs = net.lookup.inputLookup.items.length;
  net.lookup.numOutputs = net.lookup.outputLookup.items.length;
  // Perceptrons of length 0, then their weights pointed at rows of the received array (nothing copied); `changes`
  // is only used by training, but is there, zeroed, as fromJSON leaves it.
  net.initialize(0, a.intents);
  const changes = new Float32Array(a.weights.length);
  net.perceptrons.forEach((p, i) => {
    p.weights = a.weights.subarray(i * n, (i + 1) * n);
    p.changes = changes.subarray(i * n, (i + 1) * n);
    p.bias = a.biases[i] as number;
  });
  const ms = performance.now() - started;
  times.busyMs += ms;
  times.longestMs = Math.max(times.longestMs, ms);
  return { net: wrap(nn, vocab, inputNorm), times };
}
