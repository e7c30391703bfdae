/** A trained model as a value: build it from a corpus, save it, load it. */
import { analyse } from './analyse.js';
import { DEFAULT_TRAIN_SETTINGS, loadNet, trainNet, type IntentNet, type NetJson, type TrainSettings } from './classifier.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './classify.js';
import { trainingSamples, type Corpus, type Sample } from './corpus.js';

/** What is written to disk for a model. */
export interface ModelFile {
  format: 1;
  /** Corpus hash + train time; shown to trainers and logged with every answer. */
  version: string;
  corpusHash: string;
  trainedAt: string;
  corpusSize: number;
  intents: string[];
  thresholds: Thresholds;
  trainMs: number;
  net: NetJson;
}

/** A loaded model, ready to run. */
export interface Model {
  file: ModelFile;
  net: IntentNet;
}

/** Trains on the given samples (the whole corpus, or a fold of it). */
export function trainOnSamples(
  samples: Sample[],
  opts: { settings?: TrainSettings; thresholds?: Thresholds; corpusHash?: string; now?: Date } = {},
): Model {
  const started = performance.now();
  const net = trainNet(
    samples.map((s) => ({ features: analyse(s.text).features, intent: s.intent })),
    opts.settings ?? DEFAULT_TRAIN_SETTINGS,
  );
  const trainMs = Math.round(performance.now() - started);
  const now = opts.now ?? new Date();
  const corpusHash = opts.corpusHash ?? 'adhoc';
  const file: ModelFile = {
    format: 1,
    version: `${corpusHash}-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`,
    corpusHash,
    trainedAt: now.toISOString(),
    corpusSize: samples.length,
    intents: [...new Set(samples.map((s) => s.intent))].sort(),
    thresholds: opts.thresholds ?? DEFAULT_THRESHOLDS,
    trainMs,
    net: net.toJSON(),
  };
  return { file, net };
}

/** Trains on every example of a corpus. */
export const trainModel = (corpus: Corpus, opts: { settings?: TrainSettings; thresholds?: Thresholds } = {}): Model =>
  trainOnSamples(trainingSamples(corpus), { ...opts, corpusHash: corpus.hash });

/** Rebuilds a model from its file. */
export function loadModel(file: ModelFile): Model {
  if (file.format !== 1) throw new Error(`model format ${String(file.format)} is not supported`);
  return { file, net: loadNet(file.net) };
}
