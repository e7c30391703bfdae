/**
 * Entry point (`npm start`): the only file that reads the environment and listens.
 *   PORT (default 3000), DATA_DIR (default data/: store.json, tag-rules.json, models/, runtime/),
 *   CHAT_RATE_PER_SEC and CHAT_RATE_BURST (per-buyer message rate limit; the bench raises them).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './create-server.js';
import type { ServerOptions } from './config.js';
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

const wired = await wireBot({ dataDir, trainingDir: resolve(root, 'training'), log: (m) => console.log(m) });
const chat = createServer({ bot: wired.bot, config });

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
