/** The whole server as main.ts builds it, on port 0: the real bot and model, lowdb chats and handoffs in a temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cannedRepliesIn } from '../../../src/bot/handoff/canned.js';
import { addAccount, createMemoryAccounts } from '../../../src/server/auth/accounts.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { createAuth } from '../../../src/server/auth/sessions.js';
import { buyerLiveFeed } from '../../../src/server/rep/buyer-live.js';
import { repExtension } from '../../../src/server/rep/index.js';
import { wireBot, type WiredBot } from '../../../src/server/wire-bot.js';
import { ROOT } from '../../bot/helpers.js';
import { startServer, type Started } from '../helpers/start.js';
import { STAFF } from './helpers.js';

/** A running full server; restart() stops it and starts a new one on the same runtime dir, as after a crash-free restart. */
export interface FullServer {
  server: Started;
  wired: WiredBot;
  runtimeDir: string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function boot(runtimeDir: string): Promise<{ server: Started; wired: WiredBot }> {
  const wired = await wireBot({ dataDir: join(ROOT, 'data'), trainingDir: join(ROOT, 'training'), runtimeDir });
  const accounts = createMemoryAccounts();
  for (const s of STAFF) await addAccount(accounts, s);
  const auth = createAuth({ accounts });
  const { desk, hub } = wired.handoff;
  const rep = repExtension({ auth, desk, hub, canned: cannedRepliesIn(join(ROOT, 'data')) });
  const server = await startServer(wired.bot, { extensions: [authExtension(auth), rep], live: buyerLiveFeed(hub) });
  return { server, wired };
}

/** Starts the full server in a fresh temp runtime dir. */
export async function startFullServer(): Promise<FullServer> {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'kefu-handoff-it-'));
  const full = { runtimeDir, ...(await boot(runtimeDir)) } as FullServer;
  full.restart = async () => {
    await full.server.close();
    await full.wired.close();
    Object.assign(full, await boot(runtimeDir));
  };
  full.close = async () => {
    await full.server.close();
    await full.wired.close();
    rmSync(runtimeDir, { recursive: true, force: true });
  };
  return full;
}
