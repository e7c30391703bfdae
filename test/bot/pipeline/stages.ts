/** Runs a message through the first stages of the real pipeline, so one stage can be tested on a real turn. */
import { makeClassify } from '../../../src/bot/pipeline/classify.js';
import { makeDecide } from '../../../src/bot/pipeline/decide.js';
import { makeExtract } from '../../../src/bot/pipeline/extract.js';
import { runPipeline } from '../../../src/bot/pipeline/index.js';
import { makeNormalise } from '../../../src/bot/pipeline/normalise.js';
import type { BotTurn } from '../../../src/bot/pipeline/turn.js';
import type { SessionState } from '../../../src/bot/session/state.js';
import { bareTurn, testNlu, testShop } from '../helpers.js';

const shop = testShop();

/** normalise → classify → extract on a real turn. */
export async function upToExtract(raw: string, state: Partial<SessionState> = {}): Promise<BotTurn> {
  const nlu = await testNlu();
  return runPipeline([makeNormalise({ nlu }), makeClassify({ nlu }), makeExtract({ nlu, shop, rules: [] })], bareTurn(raw, state));
}

/** normalise → classify → extract → decide on a real turn. */
export async function upToDecide(raw: string, state: Partial<SessionState> = {}): Promise<BotTurn> {
  return makeDecide({ shop })(await upToExtract(raw, state));
}
