/** Runs a turn through the stages in order: normalise → classify → extract → decide → respond → record. */
import type { Stage, BotTurn } from './turn.js';

/** Runs the stages one after another; each gets the turn the previous one returned. */
export async function runPipeline(stages: Stage[], turn: BotTurn): Promise<BotTurn> {
  let current = turn;
  for (const stage of stages) current = await stage(current);
  return current;
}

export { createBatchRunner } from './batch.js';
export { makeNormalise } from './normalise.js';
export { makeClassify } from './classify.js';
export { makeExtract } from './extract.js';
export { makeDecide } from './decide.js';
export { makeRespond } from './respond.js';
export { makeRecord } from './record.js';
export type { BotTurn, Stage } from './turn.js';
