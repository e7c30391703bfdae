/** Wires the real conversation engine from a data dir: model (trained on first start), store data, chat storage. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBot } from '../bot/engine.js';
import { loadTagRules } from '../bot/extract/lexicon/tagRules.js';
import { loadShop } from '../bot/shop/load.js';
import { createLowdbStore } from '../bot/store/lowdb.js';
import type { Bot } from '../bot/types.js';
import { loadOrTrainNlu } from '../intents/index.js';

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
}

/** A ready bot and how to flush its storage. */
export interface WiredBot {
  bot: Bot;
  close(): Promise<void>;
}

/** Loads (or trains and caches) the model and builds the bot on lowdb storage. */
export async function wireBot(files: BotFiles): Promise<WiredBot> {
  const nlu = await loadOrTrainNlu({
    trainingDir: files.trainingDir,
    cacheDir: files.modelDir ?? join(files.dataDir, 'models'),
    ...(files.log ? { log: files.log } : {}),
  });
  const shop = loadShop(join(files.dataDir, 'store.json'));
  const rulesFile = join(files.dataDir, 'tag-rules.json');
  const rules = existsSync(rulesFile) ? loadTagRules(rulesFile) : [];
  const store = createLowdbStore({ dir: files.runtimeDir ?? join(files.dataDir, 'runtime') });
  const bot = createBot({ nlu, store, shop, rules, trainingDir: files.trainingDir });
  return { bot, close: () => store.close() };
}
