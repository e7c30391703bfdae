/**
 * Runs train-worker.ts off the chat thread, one fresh runner per job, so a training run's memory is returned when
 * it ends and a crash in training cannot take the chats down. By default it is a child process started under
 * SCHED_IDLE (`chrt -i 0`; `nice -n 19` where chrt is missing): every thread of it, including V8's garbage collector
 * and compiler threads, runs only when the CPU is otherwise idle (bench/retrain.ts reads the policy of each of its
 * threads from /proc), so on a busy machine the chats win the CPU (a worker_thread shares the process's GC threads,
 * which run at normal priority). `isolation: 'thread'` uses a worker_thread instead. Under tsx or vitest the worker
 * file is TypeScript, so tsx's loader is registered first.
 * The chat thread's own share is kept small: it hands the worker file paths rather than model JSON, and builds the
 * returned network a slice at a time (see buildModel).
 */
import { spawn as spawnChild, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GatePolicy, GateReport } from './gate.js';
import { buildModel, type Model, type ModelParts } from './model.js';
import { decodeNet } from './net-file.js';
import type { Evaluation, ModelRef } from './registry/types.js';
import { CHILD_ENV, type WorkerJob, type WorkerResult } from './train-worker.js';

/** A finished training run. */
export interface TrainOutcome {
  model: Model;
  /** The model's JSON for the registry: the `saveTo` file the worker wrote, else UTF-8 bytes. */
  json: Uint8Array | { path: string };
  evaluation: Evaluation;
  /** The regression gate's verdict: the current model scored on the same tests, compared in the worker. */
  report: GateReport;
  /** Chat-thread time spent indexing the new model's features, in all, across event-loop turns (see buildNet). */
  buildMs: number;
  /** The longest of those turns: how long the chats were held up at most. */
  buildSliceMs: number;
}

/** What to train; the current model (`baseline`) is scored on the same tests. */
export interface TrainJob {
  trainingDir: string;
  baseline?: ModelRef;
  taken: string[];
  now: Date;
  policy?: GatePolicy;
  /** A file for the worker to write the model's JSON into (registry.stagingFile), instead of sending it back. */
  saveTo?: string;
}

/** Trains and loads models off the main thread. */
export interface TrainRunner {
  train(job: TrainJob): Promise<TrainOutcome>;
  /** Reads and parses a stored model (~5 MB of JSON) off the main thread; best given its file (registry.modelRef). */
  load(model: ModelRef | string | Uint8Array): Promise<Model>;
}

/** A job the worker could not do; `code` is stable. */
export class TrainError extends Error {
  override readonly name = 'TrainError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const IS_TS = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./train-worker${IS_TS ? '.ts' : '.js'}`, import.meta.url);
const require = createRequire(import.meta.url);

/** One running job, whatever runs it. */
interface Channel {
  send(job: WorkerJob): void;
  on(handlers: { message(r: WorkerResult): void; error(err: Error): void; exit(code: number | null): void }): void;
  stop(): void;
  unref(): void;
}

function threadChannel(): Channel {
  let worker: Worker;
  if (!IS_TS) worker = new Worker(WORKER_URL);
  else {
    // tsx's ESM API registers its loader in this thread only, so the worker registers it before importing the file.
    const api = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    worker = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, { eval: true });
  }
  return {
    send: (job) => worker.postMessage(job),
    on(h) {
      worker.once('message', h.message);
      worker.once('error', h.error);
      worker.once('exit', h.exit);
    },
    stop: () => void worker.terminate(),
    unref: () => worker.unref(),
  };
}

/**
 * Node flags of the training process. A 128 MB starting old generation: with V8's default small start, the early full
 * collections while the corpus is being prepared leave training ~40% slower (the same 12k-example corpus, in one
 * process, three runs each: 8.2-11.6 s default, 6.4-7.9 s with this; peak RSS 230 -> 250 MB, returned when the
 * process ends). The worker used to get the same effect by accident, from holding the 5 MB baseline JSON it was sent.
 */
const TRAINING_NODE_FLAGS = ['--initial-old-space-size=128'];

function processChannel(): Channel {
  const node = [...TRAINING_NODE_FLAGS, ...(IS_TS ? ['--import', pathToFileURL(require.resolve('tsx')).href] : []), fileURLToPath(WORKER_URL)];
  // SCHED_IDLE (chrt -i) runs only when no other thread wants the CPU; nice 19 is the fallback, plain node the last.
  const [cmd, args] = existsSync('/usr/bin/chrt') ? ['/usr/bin/chrt', ['-i', '0', process.execPath, ...node]]
    : existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', '19', process.execPath, ...node]] : [process.execPath, node];
  const child: ChildProcess = spawnChild(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', env: { ...process.env, [CHILD_ENV]: '1' },
  });
  return {
    send: (job) => child.send(job),
    on(h) {
      child.once('message', (m) => h.message(m as WorkerResult));
      child.once('error', h.error);
      child.once('exit', (code) => h.exit(code));
    },
    stop: () => void (child.exitCode === null && child.kill()),
    unref() {
      child.unref();
      child.channel?.unref();
    },
  };
}

function run(job: WorkerJob, opts: How): Promise<Extract<WorkerResult, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const channel = opts.isolation === 'thread' ? threadChannel() : processChannel();
    if (opts.unref) channel.unref();
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      channel.stop();
    };
    channel.on({
      message: (result) => finish(() => (result.ok ? resolve(result) : reject(new TrainError(result.code ?? 'train_failed', result.message)))),
      error: (err) => finish(() => reject(new TrainError('worker_failed', err.message))),
      exit: (code) => finish(() => reject(new TrainError('worker_failed', `training worker exited with ${code}`))),
    });
    channel.send(job);
  });
}

type How = { unref: boolean; isolation: 'process' | 'thread' };

/**
 * Runs a job and returns its answer with the network. A worker_thread transfers the arrays; a child process writes
 * them to a temp file that is read here with async I/O (net-file.ts), so the chat thread neither receives nor
 * deserialises them.
 */
async function runForParts(job: WorkerJob, how: How): Promise<{ r: Extract<WorkerResult, { ok: true }>; parts: ModelParts }> {
  if (how.isolation === 'thread') {
    const r = await run(job, how);
    if (!r.parts.net) throw new TrainError('worker_failed', 'the worker sent no network');
    return { r, parts: { file: r.parts.file, net: r.parts.net } };
  }
  const dir = await mkdtemp(join(tmpdir(), 'kefu-net-'));
  try {
    const netFile = join(dir, 'net.bin');
    const r = await run({ ...job, netFile }, how);
    return { r, parts: { file: r.parts.file, net: r.parts.net ?? decodeNet(await readFile(netFile)) } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Creates the runner. With `unref`, a training in progress does not keep the process alive (a server shutting
 * down does not wait for it); a command-line run must leave it off, or it would exit before training ends.
 */
export function createTrainRunner(opts: { unref?: boolean; isolation?: 'process' | 'thread' } = {}): TrainRunner {
  const how: How = { unref: opts.unref ?? false, isolation: opts.isolation ?? 'process' };
  return {
    async train({ trainingDir, baseline, taken, now, policy, saveTo }) {
      const { r, parts } = await runForParts({
        kind: 'train', trainingDir, taken, now: now.toISOString(), ...(baseline ? { baseline } : {}), ...(policy ? { policy } : {}), ...(saveTo ? { saveTo } : {}),
      }, how);
      if (r.kind !== 'train') throw new TrainError('worker_failed', 'unexpected worker answer');
      const { model, times } = await buildModel(parts);
      return {
        model, json: r.json, evaluation: r.evaluation, report: r.report,
        buildMs: Math.round(times.busyMs), buildSliceMs: Math.round(times.longestMs * 10) / 10,
      };
    },
    async load(model) {
      const { parts } = await runForParts({ kind: 'load', model: typeof model === 'string' || model instanceof Uint8Array ? { json: model } : model }, how);
      return (await buildModel(parts)).model;
    },
  };
}
