/** Classify stage: the message's intents, several when it asks several things (有黑色吗 什么时候发货). */
import type { IntentId, Nlu } from '../../intents/types.js';
import type { Stage } from './turn.js';

/** After-sale problems: two clauses naming two of them (衣服破了 盒子也烂了) describe one problem, answered once. */
const PROBLEMS: ReadonlySet<IntentId> = new Set(['damage', 'quality', 'wrong_item']);

/** Keeps one problem intent among the clauses' intents: the whole message's when it is one, else the first. */
function oneProblem(intents: IntentId[], whole: IntentId): IntentId[] {
  const keep = PROBLEMS.has(whole) && intents.includes(whole) ? whole : intents.find((i) => PROBLEMS.has(i));
  return intents.filter((i) => !PROBLEMS.has(i) || i === keep);
}

/** Builds the classify stage. Follow-ups (那白色呢) are resolved later, once the entities are known. */
export function makeClassify({ nlu }: { nlu: Nlu }): Stage {
  return function classifyStage(turn) {
    const norm = turn.norm!;
    const clauses = nlu.classifyClauses(norm);
    // A message of one clause comes back as the whole message's classification, so most messages are classified
    // once, not twice (~0.05 ms a turn); only a message of several clauses is classified whole on its own.
    const whole = clauses.length === 1 ? clauses[0]! : nlu.classify(norm);
    turn.classification = whole;
    const clauseIntents = oneProblem(
      [...new Set(clauses.map((c) => c.intent))].filter((i): i is IntentId => i !== 'None'),
      whole.intent,
    );
    if (clauses.length >= 2 && clauseIntents.length >= 2) {
      turn.intents = clauseIntents;
      turn.via = 'clauses';
    } else {
      turn.intents = [whole.intent];
      turn.via = 'model';
    }
    turn.extraIntents = turn.intents.slice(1);
    return turn;
  };
}
