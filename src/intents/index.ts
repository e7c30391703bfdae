/** The language layer's front door: an Nlu built from a trained model, and loading or training one at start. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseNormalised } from './analyse.js';
import { canStandAlone, splitPieces } from './clauses.js';
import { decideIntent } from './classify.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { loadModel, MODEL_RECIPE, trainModel, type Model, type ModelFile } from './model.js';
import { normalise } from './normalise.js';
import type { Classification, Entity, Normalised, Nlu } from './types.js';

export type { Model, ModelFile } from './model.js';

/** Wraps a trained model in the Nlu interface the rest of the app uses. */
export function createNlu(model: Model): Nlu {
  const { thresholds, reject } = model.file;
  // The entities found while classifying a text, so extract() on the same text does not analyse it again.
  const entitiesOf = new WeakMap<Normalised, Entity[]>();
  const classifyNorm = (norm: Normalised): Classification => {
    const { features, entities } = analyseNormalised(norm);
    entitiesOf.set(norm, entities);
    return decideIntent(model.net.run(features), thresholds, features, reject);
  };

  return {
    version: model.file.version,
    normalise,
    classify: classifyNorm,
    extract: (norm) => entitiesOf.get(norm) ?? analyseNormalised(norm).entities,
    classifyClauses(norm) {
      const whole = classifyNorm(norm);
      const pieces = splitPieces(norm.text);
      if (pieces.length < 2) return [whole];
      // Grow clauses left to right; a clause closes when it can stand alone and the classifier is sure of it.
      const found: Classification[] = [];
      let current = '';
      for (const piece of pieces) {
        current = current ? `${current} ${piece}` : piece;
        if (!canStandAlone(current)) continue;
        const c = classifyNorm({ ...norm, text: current });
        if (c.intent !== 'None' && !c.ambiguous) {
          found.push(c);
          current = '';
        }
      }
      const distinct = found.filter((c, i) => found.findIndex((d) => d.intent === c.intent) === i);
      if (distinct.length < 2) return [whole];
      return distinct;
    },
  };
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Options for loadOrTrainNlu. */
export interface LoadOptions {
  trainingDir: string;
  /** Where trained models are cached, one file per corpus hash. */
  cacheDir: string;
  log?: (msg: string) => void;
}

/** Loads the model matching the corpus in trainingDir from cacheDir, or trains and caches it (first start). */
export async function loadOrTrainNlu(opts: LoadOptions): Promise<Nlu> {
  return createNlu(loadOrTrainModel(opts).model);
}

/** Same as loadOrTrainNlu, but returns the model and the corpus too (for trainers and the CLI). */
export function loadOrTrainModel(opts: LoadOptions): { model: Model; corpus: Corpus; trained: boolean } {
  const corpus = loadCorpus(opts.trainingDir);
  const file = join(opts.cacheDir, `model-${corpus.hash}.json`);
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
    if (json.corpusHash === corpus.hash && json.recipe === MODEL_RECIPE) return { model: loadModel(json), corpus, trained: false };
  } catch {
    // No cached model for this corpus (or a damaged one): train below. One made by an older recipe is retrained too.
  }
  opts.log?.(`training a model for corpus ${corpus.hash} …`);
  const model = trainModel(corpus);
  mkdirSync(opts.cacheDir, { recursive: true });
  writeAtomic(file, JSON.stringify(model.file));
  opts.log?.(`trained ${model.file.corpusSize} examples in ${model.file.trainMs} ms`);
  return { model, corpus, trained: true };
}
