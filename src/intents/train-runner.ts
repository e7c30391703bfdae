/**
 * Runs train-worker.ts in a worker_thread, one fresh worker per job: a training run's memory is returned when its
 * worker exits, and a crash in training cannot take the chats down. Under tsx or vitest the worker file is
 * TypeScript, so the worker first registers tsx's loader.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadModel, type Model } from './model.js';
import type { Evaluation } from './registry/types.js';
import type { NetTransfer, WorkerJob, WorkerResult } from './train-worker.js';

/** A finished training run. */
export interface TrainOutcome {
  model: Model;
  /** The model's JSON as UTF-8 bytes (for the registry). */
  json: Uint8Array;
  evaluation: Evaluation;
  /** The current model scored on the same tests (null when there was none). */
  baseline: Evaluation | null;
  /** Time the chat thread spent turning the worker's arrays into a runnable model (the one blocking step). */
  buildMs: number;
}

/** Trains and loads models off the main thread. */
export interface TrainRunner {
  train(job: { trainingDir: string; baselineJson?: string; taken: string[]; now: Date }): Promise<TrainOutcome>;
  /** Parses a stored model (3 MB of JSON) off the main thread. */
  load(json: string): Promise<Model>;
}

/** A job the worker could not do; `code` is stable. */
export class TrainError extends Error {
  override readonly name = 'TrainError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Rebuilds a runnable model from the worker's typed arrays (they stand in for the JSON arrays of a ModelFile). */
export function fromTransfer(t: NetTransfer): Model {
  const net = { settings: t.settings, features: t.features, intents: t.intents, perceptrons: t.weights };
  return loadModel({ ...t.file, net: { net, vocab: t.vocab } });
}

const WORKER_URL = new URL(`./train-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

function spawn(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  // tsx's ESM API registers its loader in this thread only, so the worker registers it before importing the file.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true });
}

function run(job: WorkerJob, unref: boolean): Promise<Extract<WorkerResult, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const worker = spawn();
    if (unref) worker.unref();
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (result: WorkerResult) =>
      finish(() => (result.ok ? resolve(result) : reject(new TrainError(result.code ?? 'train_failed', result.message)))));
    worker.once('error', (err) => finish(() => reject(new TrainError('worker_failed', err.message))));
    worker.once('exit', (code) => finish(() => reject(new TrainError('worker_failed', `training worker exited with ${code}`))));
    worker.postMessage(job);
  });
}

/**
 * Creates the runner. With `unref`, a training in progress does not keep the process alive (a server shutting
 * down does not wait for it); a command-line run must leave it off, or it would exit before training ends.
 */
export function createTrainRunner(opts: { unref?: boolean } = {}): TrainRunner {
  const unref = opts.unref ?? false;
  return {
    async train({ trainingDir, baselineJson, taken, now }) {
      const r = await run({ kind: 'train', trainingDir, taken, now: now.toISOString(), ...(baselineJson ? { baselineJson } : {}) }, unref);
      if (r.kind !== 'train') throw new TrainError('worker_failed', 'unexpected worker answer');
      const started = performance.now();
      const model = fromTransfer(r.net);
      return { model, json: r.json, evaluation: r.evaluation, baseline: r.baseline, buildMs: Math.round(performance.now() - started) };
    },
    async load(json) {
      const r = await run({ kind: 'load', json }, unref);
      return fromTransfer(r.net);
    },
  };
}
