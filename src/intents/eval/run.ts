/** Runs the evaluations behind `npm run eval`: k-fold, held-out tests, a JSONL file, a learning curve. */
import { normalise } from '../normalise.js';
import { createNlu } from '../index.js';
import { testSamples, trainingSamples, type Corpus, type Sample } from '../corpus.js';
import { trainOnSamples } from '../model.js';
import { trainBaseline } from './baseline.js';
import { folds, score, type Prediction, type Report } from './metrics.js';

/** Ours and raw node-nlp on the same split. */
export interface SideBySide {
  name: string;
  ours: Report;
  baseline?: Report;
}

/** Trains our model on `train` and predicts `test`. */
export function predictOurs(train: Sample[], test: Sample[], corpusHash?: string): Prediction[] {
  const nlu = createNlu(trainOnSamples(train, corpusHash ? { corpusHash } : {}));
  return test.map((s) => ({ text: s.text, expected: s.intent, predicted: nlu.classify(normalise(s.text)).intent }));
}

async function predictBaseline(train: Sample[], test: Sample[]): Promise<Prediction[]> {
  const b = await trainBaseline(train);
  const out: Prediction[] = [];
  for (const s of test) out.push({ text: s.text, expected: s.intent, predicted: await b.predict(s.text) });
  return out;
}

async function both(name: string, train: Sample[], test: Sample[], withBaseline: boolean): Promise<SideBySide> {
  const ours = score(predictOurs(train, test));
  return withBaseline ? { name, ours, baseline: score(await predictBaseline(train, test)) } : { name, ours };
}

/** k-fold cross-validation over the training examples. */
export async function crossValidate(corpus: Corpus, k: number, withBaseline: boolean): Promise<SideBySide> {
  const parts = folds(trainingSamples(corpus), k);
  const ours: Prediction[] = [];
  const base: Prediction[] = [];
  for (let i = 0; i < k; i += 1) {
    const test = parts[i] ?? [];
    const train = parts.filter((_, j) => j !== i).flat();
    ours.push(...predictOurs(train, test));
    if (withBaseline) base.push(...(await predictBaseline(train, test)));
  }
  return withBaseline
    ? { name: `${k}-fold cross-validation`, ours: score(ours), baseline: score(base) }
    : { name: `${k}-fold cross-validation`, ours: score(ours) };
}

/** Trains on all examples, scores the held-out `tests` of every intent file. */
export const heldOut = (corpus: Corpus, withBaseline: boolean): Promise<SideBySide> =>
  both('held-out tests', trainingSamples(corpus), testSamples(corpus), withBaseline);

/** Trains on all examples, scores a list of labelled lines (from --file). */
export const onFile = (corpus: Corpus, lines: Sample[], name: string, withBaseline: boolean): Promise<SideBySide> =>
  both(name, trainingSamples(corpus), lines, withBaseline);

/** Accuracy on `test` (default: the held-out tests) when training on growing shares of each intent's examples. */
export function learningCurve(
  corpus: Corpus,
  shares: number[],
  test: Sample[] = testSamples(corpus),
): { share: number; examples: number; report: Report }[] {
  return shares.map((share) => {
    const train = corpus.intents.flatMap((f) => {
      const mine = trainingSamples({ intents: [f], hash: corpus.hash });
      return folds(mine, 1)[0]?.slice(0, Math.max(1, Math.round(mine.length * share))) ?? [];
    });
    return { share, examples: train.length, report: score(predictOurs(train, test)) };
  });
}
