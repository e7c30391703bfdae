/**
 * The real server with the trainer feature, on temp copies of training/ and data/: the real bot and model (from the
 * test model cache when the corpus matches it), lowdb chats and inbox, the model registry on disk. Never touches the
 * repo's training/ or data/.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TurnObserver } from '../../../src/bot/engine.js';
import { loadCorpus } from '../../../src/intents/corpus.js';
import { addAccount, createMemoryAccounts } from '../../../src/server/auth/accounts.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { createAuth } from '../../../src/server/auth/sessions.js';
import { createTrainerFeature, openInboxStore, type TrainerFeature, type TrainerFeatureOptions } from '../../../src/server/trainer/index.js';
import { wireBot } from '../../../src/server/wire-bot.js';
import { TEST_MODEL_CACHE } from '../../global-setup.js';
import { startServer, type Started } from '../helpers/start.js';

const ROOT = resolve(import.meta.dirname, '../../..');
export const PASSWORD = 'long enough pw';

/** A started trainer server and its temp folders. */
export interface TrainerRig {
  server: Started;
  feature: TrainerFeature;
  trainingDir: string;
  dataDir: string;
  /** Bearer headers of the trainer (tom) and a rep (rita). */
  trainer: Record<string, string>;
  rep: Record<string, string>;
  close(): Promise<void>;
}

/** A temp copy of training/ and the store data; the test model cache is reused when it matches the copy. */
export function tempData(): { root: string; trainingDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kefu-trainer-'));
  const trainingDir = join(root, 'training');
  const dataDir = join(root, 'data');
  cpSync(join(ROOT, 'training'), trainingDir, { recursive: true });
  mkdirSync(join(dataDir, 'models'), { recursive: true });
  for (const f of ['store.json', 'tag-rules.json']) copyFileSync(join(ROOT, 'data', f), join(dataDir, f));
  const cached = join(TEST_MODEL_CACHE, `model-${loadCorpus(trainingDir).hash}.json`);
  if (existsSync(cached)) copyFileSync(cached, join(dataDir, 'models', `model-${loadCorpus(trainingDir).hash}.json`));
  return { root, trainingDir, dataDir };
}

async function login(base: string, user: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${user}: ${res.status}`);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** Starts the server as main.ts wires it (auth + trainer extension, inbox observer on every turn). */
export async function startTrainerServer(options: Partial<Pick<TrainerFeatureOptions, 'followMs' | 'policy'>> = {}): Promise<TrainerRig> {
  const { root, trainingDir, dataDir } = tempData();
  const observers: TurnObserver[] = [];
  const wired = await wireBot({ dataDir, trainingDir, observers });
  const accounts = createMemoryAccounts();
  await addAccount(accounts, { user: 'tom', name: '训练师小汤', roles: ['trainer'], password: PASSWORD });
  await addAccount(accounts, { user: 'rita', roles: ['rep'], password: PASSWORD });
  const auth = createAuth({ accounts });
  const feature = createTrainerFeature({
    auth, trainingDir, nlu: wired.nlu, registry: wired.registry, answers: wired.answers, rules: wired.rules,
    inboxStore: openInboxStore(join(dataDir, 'runtime')), followMs: options.followMs ?? 0, log: () => undefined,
    ...(options.policy ? { policy: options.policy } : {}),
  });
  observers.push(feature.observer);
  const server = await startServer(wired.bot, { extensions: [authExtension(auth), feature.extension] });
  return {
    server, feature, trainingDir, dataDir,
    trainer: await login(server.http, 'tom'),
    rep: await login(server.http, 'rita'),
    async close() {
      await server.close();
      await wired.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** JSON request helpers bound to a base URL. */
export function client(base: string, headers: Record<string, string>) {
  async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${base}${path}`, {
      method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    del: <T = unknown>(path: string, body: unknown) => call<T>('DELETE', path, body),
  };
}

/** Polls the retrain status until the job has finished. */
export async function waitForRetrain(api: ReturnType<typeof client>, timeoutMs = 240_000): Promise<{ state: string; version: string; gate: { pass: boolean } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api.get<{ job: { state: string; version: string; gate: { pass: boolean } } | null }>('/api/trainer/retrain');
    if (body.job && body.job.state !== 'training') return body.job;
    if (Date.now() > deadline) throw new Error('retrain did not finish');
    await new Promise((r) => setTimeout(r, 250));
  }
}
