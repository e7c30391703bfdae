/** Shared test fixtures: the real language model trained from training/, the example store, its answers. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrTrainNlu } from '../../src/intents/index.js';
import { TEST_MODEL_CACHE } from '../global-setup.js';
import type { Nlu } from '../../src/intents/types.js';
import { loadAnswers, type AnswerBook } from '../../src/bot/answers/book.js';
import { createBot } from '../../src/bot/engine.js';
import type { BotTurn } from '../../src/bot/pipeline/turn.js';
import { newState, type SessionState } from '../../src/bot/session/state.js';
import { loadShop } from '../../src/bot/shop/load.js';
import type { ShopData } from '../../src/bot/shop/schema.js';
import { createMemoryStore } from '../../src/bot/store/memory.js';
import type { ChatStore } from '../../src/bot/store/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TRAINING_DIR = join(ROOT, 'training');
export const STORE_FILE = join(ROOT, 'data', 'store.json');
/** 10:00 in Beijing on 18 June 2025: before the 16:00 cut-off. */
export const MORNING = Date.UTC(2025, 5, 18, 2, 0);
/** 20:00 in Beijing: after the cut-off. */
export const EVENING = Date.UTC(2025, 5, 18, 12, 0);

let nlu: Promise<Nlu> | undefined;
/** The real Nlu, trained once from training/ and cached under the OS temp dir for every test file. */
export function testNlu(): Promise<Nlu> {
  nlu ??= loadOrTrainNlu({ trainingDir: TRAINING_DIR, cacheDir: TEST_MODEL_CACHE });
  return nlu;
}

export const testShop = (): ShopData => loadShop(STORE_FILE);
export const testBook = (): AnswerBook => loadAnswers(TRAINING_DIR);

/** A bot on the real Nlu and an in-memory store. */
export async function testBot(opts: { shop?: ShopData; clock?: () => number; store?: ChatStore } = {}) {
  const store = opts.store ?? createMemoryStore();
  const bot = createBot({
    nlu: await testNlu(), store, shop: opts.shop ?? testShop(), answers: testBook(), clock: opts.clock ?? (() => MORNING),
  });
  return { bot, store };
}

/** Opens a chat and sends the messages in order; returns the turns. */
export async function converse(bot: Awaited<ReturnType<typeof testBot>>['bot'], messages: string[]) {
  const { sessionId } = await bot.open(undefined);
  const turns = [];
  for (const m of messages) turns.push(await bot.handle(sessionId, m));
  return { sessionId, turns, last: turns.at(-1)! };
}

/** All reply texts of a turn joined, for assertions on content. */
export const said = (turn: { replies?: { text: string }[] }): string => (turn.replies ?? []).map((r) => r.text).join('\n');

/** A bare turn for testing one stage by hand. */
export function bareTurn(raw: string, state: Partial<SessionState> = {}): BotTurn {
  return {
    sessionId: '00000000-0000-4000-8000-000000000000', buyerId: 'b', raw, at: MORNING,
    state: { ...newState('waffle-hoodie'), ...state }, intents: [], via: 'model', history: [],
  };
}
