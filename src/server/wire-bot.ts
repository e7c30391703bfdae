/** Wires the real conversation engine from a data dir: model (trained on first start), store data, chat storage. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswers, type AnswerBook } from '../bot/answers/book.js';
import { createBot, type TurnObserver } from '../bot/engine.js';
import { loadTagRules, type TagRule } from '../bot/extract/lexicon/tagRules.js';
import { loadShop } from '../bot/shop/load.js';
import { createLowdbStore } from '../bot/store/lowdb.js';
import type { Bot } from '../bot/types.js';
import type { ModelRegistry } from '../intents/registry/index.js';
import type { SwappableNlu } from '../intents/swappable.js';
import { openTrainedNlu } from './trainer/index.js';

/** Where the bot's files are. */
export interface BotFiles {
  /** Holds store.json and tag-rules.json; models/ and runtime/ are created under it unless given. */
  dataDir: string;
  trainingDir: string;
  /** Conversations (default dataDir/runtime). */
  runtimeDir?: string;
  /** Model cache (default dataDir/models). */
  modelDir?: string;
  log?: (message: string) => void;
  /** Told about every finished turn; read at each turn, so features may add theirs after wiring. */
  observers?: TurnObserver[];
}

/** A ready bot and how to flush its storage. */
export interface WiredBot {
  bot: Bot;
  /** The model behind the chats (retraining swaps it), the registry it comes from, and the bot's answers. */
  nlu: SwappableNlu;
  registry: ModelRegistry;
  answers: AnswerBook;
  rules: TagRule[];
  /** True when training/ changed since the current model was trained. */
  stale: boolean;
  close(): Promise<void>;
}

/** Opens the current model from the registry (trained and registered on first start) and builds the bot on lowdb storage. */
export async function wireBot(files: BotFiles): Promise<WiredBot> {
  const { nlu, registry, stale } = await openTrainedNlu({
    trainingDir: files.trainingDir,
    modelDir: files.modelDir ?? join(files.dataDir, 'models'),
    ...(files.log ? { log: files.log } : {}),
  });
  const shop = loadShop(join(files.dataDir, 'store.json'));
  const rulesFile = join(files.dataDir, 'tag-rules.json');
  const rules = existsSync(rulesFile) ? loadTagRules(rulesFile) : [];
  const store = createLowdbStore({ dir: files.runtimeDir ?? join(files.dataDir, 'runtime') });
  // One answer book shared with the trainer feature, which refreshes it in place when answers change.
  const answers = loadAnswers(files.trainingDir);
  const bot = createBot({ nlu, store, shop, rules, answers, ...(files.observers ? { observers: files.observers } : {}) });
  return { bot, nlu, registry, answers, rules, stale, close: () => store.close() };
}
