/** Wires the real conversation engine from a data dir: model (trained on first start), store data, chat storage. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswers, type AnswerBook } from '../bot/answers/book.js';
import { createBot, type TurnObserver } from '../bot/engine.js';
import { openHandoff, shopWithHandoffRules, type HandoffFeature } from '../bot/handoff/index.js';
import { loadTagRules, type TagRule } from '../bot/extract/lexicon/tagRules.js';
import { loadShop } from '../bot/shop/load.js';
import { createJsonlStore } from '../bot/store/jsonl.js';
import type { Bot } from '../bot/types.js';
import type { ModelRegistry } from '../intents/registry/index.js';
import { memoiseNlu } from '../intents/memo.js';
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
  /**
   * Told about every finished turn after its reply went out (they cannot change the reply); read at each turn, so
   * features may add theirs after wiring.
   */
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
  /** The handoff desk and its hub (the rep console and the buyers' live feed use them). */
  handoff: HandoffFeature;
  close(): Promise<void>;
}

/** Opens the current model from the registry (trained and registered on first start) and builds the bot on append-only chat files. */
export async function wireBot(files: BotFiles): Promise<WiredBot> {
  const { nlu, registry, stale } = await openTrainedNlu({
    trainingDir: files.trainingDir,
    modelDir: files.modelDir ?? join(files.dataDir, 'models'),
    ...(files.log ? { log: files.log } : {}),
  });
  const shop = shopWithHandoffRules(loadShop(join(files.dataDir, 'store.json')), files.dataDir);
  const rulesFile = join(files.dataDir, 'tag-rules.json');
  const rules = existsSync(rulesFile) ? loadTagRules(rulesFile) : [];
  const runtimeDir = files.runtimeDir ?? join(files.dataDir, 'runtime');
  const store = createJsonlStore({ dir: runtimeDir });
  const handoff = await openHandoff({ runtimeDir, shop, chats: store });
  // One answer book shared with the trainer feature, which refreshes it in place when answers change.
  const answers = loadAnswers(files.trainingDir);
  // The handoff observer adds the buyer's place in the queue to the replies, so it runs before they are sent; the
  // caller's (inbox, tag log) run after. Their list is the caller's own, so features added after wiring are seen.
  // The chats' view of the model remembers its answers for texts sent again (quick replies, 在吗, 包邮吗 …).
  const bot = createBot({
    nlu: memoiseNlu(nlu), store, shop, rules, answers, observers: [handoff.observer], afterReply: files.observers ?? [], intercept: handoff.intercept,
  });
  return {
    bot, nlu, registry, answers, rules, stale, handoff,
    async close() {
      // Turns still under way finish first: their lines are written and their observers run before the files close.
      await bot.idle();
      await handoff.stop();
      await store.close();
    },
  };
}
