/**
 * Refits the learned None rule (`npm run eval -- --fit-reject`): k-fold cross-validated network outputs of the corpus,
 * a logistic regression over them, and the figures each threshold gives, so DEFAULT_REJECT can be replaced by hand.
 */
import { analyse } from '../analyse.js';
import { trainingSamples, type Corpus } from '../corpus.js';
import { acceptProbability, bestInScope, fitRejectRule, rejectInputs, type RejectExample, type RejectRule } from '../classify.js';
import { trainOnSamples } from '../model.js';
import { folds } from './metrics.js';

/** One cross-validated message: the rule's inputs, the net's best in-scope intent and the right answer. */
interface Observed { inputs: number[]; best: string | undefined; expected: string }

/** What one threshold does on the cross-validated outputs. */
export interface ThresholdFigures { threshold: number; inScopeAccuracy: number; oosRecall: number; falseRejection: number }

/** Network outputs for every training example, each from a model that did not see it (no rule applied). */
export function crossValidatedOutputs(corpus: Corpus, k: number): Observed[] {
  const parts = folds(trainingSamples(corpus), k);
  const out: Observed[] = [];
  parts.forEach((test, i) => {
    const model = trainOnSamples(parts.filter((_, j) => j !== i).flat(), { reject: null });
    for (const s of test) {
      const { features } = analyse(s.text);
      const run = model.net.run(features);
      out.push({ inputs: rejectInputs(run, features), best: bestInScope(run).best?.intent, expected: s.intent });
    }
  });
  return out;
}

/** Fits the rule on observed outputs: right best intents should be kept (1), out-of-scope messages rejected (0). */
export function fitOn(observed: Observed[], threshold: number): RejectRule {
  const examples: RejectExample[] = [];
  for (const o of observed) {
    if (o.expected === 'None') examples.push({ inputs: o.inputs, accept: 0 });
    else if (o.best === o.expected) examples.push({ inputs: o.inputs, accept: 1 });
  }
  return fitRejectRule(examples, threshold);
}

/** In-scope accuracy, out-of-scope recall and false rejection of a rule at several thresholds. */
export function sweep(observed: Observed[], rule: RejectRule, thresholds: number[]): ThresholdFigures[] {
  const inScope = observed.filter((o) => o.expected !== 'None');
  const oos = observed.filter((o) => o.expected === 'None');
  return thresholds.map((threshold) => {
    const keeps = (o: Observed): boolean => o.best !== undefined && acceptProbability(rule, o.inputs) >= threshold;
    return {
      threshold,
      inScopeAccuracy: inScope.filter((o) => keeps(o) && o.best === o.expected).length / Math.max(1, inScope.length),
      oosRecall: oos.filter((o) => !keeps(o)).length / Math.max(1, oos.length),
      falseRejection: inScope.filter((o) => !keeps(o)).length / Math.max(1, inScope.length),
    };
  });
}
