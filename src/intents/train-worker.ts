/**
 * Training off the request path: this module runs in a child process at the lowest priority (or a worker_thread).
 * It trains a model on the corpus, scores it and the current model on the held-out tests, and sends back the model's
 * JSON (for the registry) and its weights as typed arrays, so the chat thread only has to wrap them (see
 * train-runner).
 */
import { setPriority } from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { ModelFile } from './model.js';
import type { Evaluation } from './registry/types.js';

/** What the worker is asked to do. */
export type WorkerJob =
  | { kind: 'train'; trainingDir: string; baselineJson?: string; taken: string[]; now: string }
  | { kind: 'load'; json: string };

/** A model's weights in a form that crosses threads cheaply: one Float64Array per intent (weights, then bias). */
export interface NetTransfer {
  file: Omit<ModelFile, 'net'>;
  settings: unknown;
  features: string[];
  intents: string[];
  weights: Float64Array[];
  vocab: string[];
}

/** What the worker posts back. */
export type WorkerResult =
  | { ok: true; kind: 'train'; net: NetTransfer; json: Uint8Array; evaluation: Evaluation; baseline: Evaluation | null }
  | { ok: true; kind: 'load'; net: NetTransfer }
  | { ok: false; message: string; code?: string };

interface RawNet { settings: unknown; features: string[]; intents: string[]; perceptrons: ArrayLike<number>[] }

/** Splits a ModelFile into the transferable form. */
export function toTransfer(file: ModelFile): NetTransfer {
  const { net, ...meta } = file;
  const raw = net.net as RawNet;
  return {
    file: meta, settings: raw.settings, features: raw.features, intents: raw.intents,
    weights: raw.perceptrons.map((p) => Float64Array.from(p)), vocab: net.vocab,
  };
}

/** A version not yet in the registry: the train time has second precision, so a quick second run gets a suffix. */
function freeVersion(version: string, taken: Set<string>): string {
  let v = version;
  for (let n = 2; taken.has(v); n += 1) v = `${version}-${n}`;
  return v;
}

async function train(job: Extract<WorkerJob, { kind: 'train' }>): Promise<WorkerResult> {
  // Imported here: the language layer loads jieba's dictionary, which a `load` job does not need.
  const [{ loadCorpus, testSamples, trainingSamples }, { createNlu }, { loadModel, trainOnSamples }, { evaluate }] = await Promise.all([
    import('./corpus.js'), import('./index.js'), import('./model.js'), import('./registry/evaluate.js'),
  ]);
  const corpus = loadCorpus(job.trainingDir);
  const model = trainOnSamples(trainingSamples(corpus), { corpusHash: corpus.hash, now: new Date(job.now) });
  model.file.version = freeVersion(model.file.version, new Set(job.taken));
  const tests = testSamples(corpus);
  const evaluation = evaluate(createNlu(model), tests);
  // The current model is scored on today's tests too, so the gate compares like with like.
  const baseline = job.baselineJson ? evaluate(createNlu(loadModel(JSON.parse(job.baselineJson) as ModelFile)), tests) : null;
  // UTF-8 bytes, transferred: the chat thread writes them to disk without ever holding a 4 MB string.
  const json = new TextEncoder().encode(JSON.stringify(model.file));
  return { ok: true, kind: 'train', net: toTransfer(model.file), json, evaluation, baseline };
}

/** Runs one job (in the worker; tests may call it directly). */
export async function runJob(job: WorkerJob): Promise<WorkerResult> {
  try {
    if (job.kind === 'train') return await train(job);
    return { ok: true, kind: 'load', net: toTransfer(JSON.parse(job.json) as ModelFile) };
  } catch (err) {
    const e = err as { message?: string; code?: unknown };
    return { ok: false, message: e.message ?? String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) };
  }
}

/** The buffers to transfer rather than copy. */
export const transferList = (r: WorkerResult): ArrayBuffer[] =>
  (r.ok ? [...r.net.weights.map((w) => w.buffer as ArrayBuffer), ...(r.kind === 'train' ? [r.json.buffer as ArrayBuffer] : [])] : []);

/** Lowest scheduling priority: on Linux, priorities are per thread, so this leaves the chat thread untouched. */
const BACKGROUND_NICE = 19;

/** Set by train-runner when it starts this file as a child process. */
export const CHILD_ENV = 'KEFU_TRAIN_CHILD';

if (isMainThread && process.send && process.env[CHILD_ENV] === '1') {
  process.once('message', async function onJob(job: WorkerJob) {
    const result = await runJob(job);
    process.send!(result, () => process.disconnect());
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  // Training is background work: on a busy machine the chat thread must win the CPU, not this one.
  try {
    setPriority(BACKGROUND_NICE);
  } catch {
    // Not permitted or not supported here: train at normal priority.
  }
  port.once('message', async function onJob(job: WorkerJob) {
    const result = await runJob(job);
    port.postMessage(result, transferList(result));
  });
}
