/** The real bot for tests that check answers: the repo's store data and model cache, chats in a temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Bot } from '../../../src/bot/types.js';
import { wireBot } from '../../../src/server/wire-bot.js';
import { TEST_MODEL_CACHE } from '../../global-setup.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A real bot and its cleanup. */
export interface RealBot {
  bot: Bot;
  close(): Promise<void>;
}

/** Builds the bot main.ts builds, on the model the global setup trained once for all test files. */
export async function createRealBot(): Promise<RealBot> {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'kefu-server-test-'));
  const wired = await wireBot({
    dataDir: join(ROOT, 'data'),
    trainingDir: join(ROOT, 'training'),
    modelDir: TEST_MODEL_CACHE,
    runtimeDir,
  });
  return {
    bot: wired.bot,
    async close() {
      await wired.close();
      rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
}
