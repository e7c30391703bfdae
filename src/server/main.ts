/**
 * Entry point (`npm start`): the only file that reads the environment and listens.
 *   PORT (default 3000), DATA_DIR (default data/: store.json, tag-rules.json, models/, runtime/),
 *   CHAT_RATE_PER_SEC and CHAT_RATE_BURST (per-buyer message rate limit; the bench raises them).
 * Staff accounts live in DATA_DIR/runtime/accounts.json; on a fresh install an `admin` with every role is created and
 * its password printed once.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TurnObserver } from '../bot/engine.js';
import { createAccountFile, ensureFirstAccount } from './auth/accounts.js';
import { authExtension } from './auth/routes.js';
import { createAuth } from './auth/sessions.js';
import { cannedRepliesIn } from '../bot/handoff/canned.js';
import { createServer } from './create-server.js';
import type { ServerOptions } from './config.js';
import { createTrainerFeature, openInboxStore } from './trainer/index.js';
import { buyerLiveFeed } from './rep/buyer-live.js';
import { repExtension } from './rep/index.js';
import { openOpsFeature } from './ops/index.js';
import { wireBot } from './wire-bot.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;

function numberFromEnv(name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

const port = numberFromEnv('PORT') ?? 3000;
const dataDir = resolve(env.DATA_DIR ?? resolve(root, 'data'));
const perSecond = numberFromEnv('CHAT_RATE_PER_SEC');
const burst = numberFromEnv('CHAT_RATE_BURST');
const config: ServerOptions = {
  rateLimit: { ...(perSecond !== undefined ? { perSecond } : {}), ...(burst !== undefined ? { burst } : {}) },
};

const trainingDir = resolve(root, 'training');
const observers: TurnObserver[] = [];
const wired = await wireBot({ dataDir, trainingDir, log: (m) => console.log(m), observers });

mkdirSync(join(dataDir, 'runtime'), { recursive: true });
const accounts = createAccountFile(join(dataDir, 'runtime', 'accounts.json'));
const first = await ensureFirstAccount(accounts);
if (first) console.log(`first staff account created: user "${first.user}", password "${first.password}" (shown once)`);
const auth = createAuth({ accounts });

const trainer = createTrainerFeature({
  auth, trainingDir, nlu: wired.nlu, registry: wired.registry, answers: wired.answers, rules: wired.rules,
  inboxStore: openInboxStore(join(dataDir, 'runtime')),
});
observers.push(trainer.observer);
// training/ was edited by hand since the current model: retrain in the background, through the gate.
if (wired.stale) void trainer.retrainer.retrain('start');

const rep = repExtension({
  auth, desk: wired.handoff.desk, hub: wired.handoff.hub, canned: cannedRepliesIn(dataDir),
});

// Marketing: every turn's tags go to runtime/marketing/events.jsonl; the operations page reads them (/ops.html).
const ops = await openOpsFeature({ auth, runtimeDir: join(dataDir, 'runtime'), handoff: wired.handoff });
observers.push(ops.observer);

const chat = createServer({
  bot: wired.bot, config, extensions: [authExtension(auth), trainer.extension, rep, ops.extension], live: buyerLiveFeed(wired.handoff.hub),
});

chat.server.listen(port, () => {
  const address = chat.server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`kefu-bot listening on http://localhost:${actual} (data: ${dataDir})`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  await chat.close();
  await wired.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
