/** At start: the registry's current model, or (first start) the cached or freshly trained one, registered. */
import { loadCorpus, testSamples } from '../corpus.js';
import { createNlu, loadOrTrainModel } from '../index.js';
import { loadModel, type Model, type ModelFile } from '../model.js';
import { evaluate } from './evaluate.js';
import type { ModelRegistry } from './index.js';
import type { ModelEntry } from './types.js';

/** The model to start with. */
export interface Opened {
  model: Model;
  entry: ModelEntry;
  /** True when training/ changed since this model was trained (hand edits): a retrain is due. */
  stale: boolean;
}

/** Opens the current model; on a first start trains (or takes from the cache) and registers one. Blocks: start only. */
export async function openCurrentModel(opts: {
  registry: ModelRegistry;
  trainingDir: string;
  cacheDir: string;
  log?: (msg: string) => void;
}): Promise<Opened> {
  const { registry, trainingDir } = opts;
  const current = await registry.current();
  const hash = loadCorpus(trainingDir).hash;
  if (current) {
    const model = loadModel(JSON.parse(await registry.modelJson(current.version)) as ModelFile);
    return { model, entry: current, stale: current.corpusHash !== hash };
  }
  const { model, corpus } = loadOrTrainModel({ trainingDir, cacheDir: opts.cacheDir, ...(opts.log ? { log: opts.log } : {}) });
  const evaluation = evaluate(createNlu(model), testSamples(corpus));
  const { version, trainedAt, corpusHash, corpusSize, intents, trainMs } = model.file;
  try {
    const entry = await registry.add({
      meta: { version, trainedAt, corpusHash, corpusSize, intents, trainMs }, json: JSON.stringify(model.file), evaluation,
      source: 'start', gate: null, report: null, status: 'current',
    });
    opts.log?.(`registered model ${version} (held-out accuracy ${(evaluation.accuracy * 100).toFixed(1)}%)`);
    return { model, entry, stale: false };
  } catch (err) {
    // Another process starting on the same data dir registered the same cached model first: use that.
    if ((err as { code?: unknown }).code !== 'duplicate_version') throw err;
    const entry = (await registry.current()) ?? (await registry.activate(version));
    return { model: entry.version === version ? model : loadModel(JSON.parse(await registry.modelJson(entry.version)) as ModelFile), entry, stale: entry.corpusHash !== hash };
  }
}
