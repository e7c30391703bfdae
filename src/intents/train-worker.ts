/**
 * Training off the request path: this module runs in a child process at the lowest priority (or a worker_thread).
 * It trains a model on the corpus, scores it and the current model on the held-out tests and runs the regression
 * gate. The model's JSON goes to the registry's staging file (`saveTo`), its network as flat arrays to `netFile`
 * (net-file.ts; a worker_thread transfers them instead), and only the evaluation and the gate's report are posted
 * back, so the chat thread just indexes the feature names (see train-runner). Everything that takes CPU time happens
 * here: the chat thread neither parses nor stringifies a model, nor compares two evaluations.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { GatePolicy, GateReport } from './gate.js';
import type { NetArrays } from './classifier.js';
import type { ModelFile, ModelParts } from './model.js';
import { encodeNet } from './net-file.js';
import type { Evaluation, ModelRef } from './registry/types.js';

/**
 * What the worker is asked to do; a stored model comes as its file (read here) or its JSON. With `netFile`, the
 * network is written there (see net-file.ts) instead of being sent back.
 */
export type WorkerJob =
  | { kind: 'train'; trainingDir: string; baseline?: ModelRef; taken: string[]; now: string; policy?: GatePolicy; saveTo?: string; netFile?: string }
  | { kind: 'load'; model: ModelRef; netFile?: string };

/** ModelParts as sent back: `net` is null when it went to the job's netFile. */
export interface SentParts {
  file: ModelParts['file'];
  net: NetArrays | null;
}

/** What the worker posts back. */
export type WorkerResult =
  | { ok: true; kind: 'train'; parts: SentParts; json: Uint8Array | { path: string }; evaluation: Evaluation; report: GateReport }
  | { ok: true; kind: 'load'; parts: SentParts }
  | { ok: false; message: string; code?: string };

/** Writes the network to `netFile` when there is one, else leaves it in the parts to send. */
function send(parts: ModelParts, netFile: string | undefined): SentParts {
  if (!netFile) return parts;
  const fd = openSync(netFile, 'w');
  try {
    for (const chunk of encodeNet(parts.net)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { file: parts.file, net: null };
}

function parseModel(ref: ModelRef): ModelFile {
  const json = 'path' in ref ? readFileSync(ref.path, 'utf8') : ref.json;
  return JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json)) as ModelFile;
}

/** A version not yet in the registry: the train time has second precision, so a quick second run gets a suffix. */
function freeVersion(version: string, taken: Set<string>): string {
  let v = version;
  for (let n = 2; taken.has(v); n += 1) v = `${version}-${n}`;
  return v;
}

async function train(job: Extract<WorkerJob, { kind: 'train' }>): Promise<WorkerResult> {
  // Imported here: the language layer loads jieba's dictionary, which a `load` job does not need.
  const [{ loadCorpus, testSamples, trainingSamples }, { createNlu }, { loadModel, modelParts, trainOnSamples }, { evaluate }, { compareModels }] = await Promise.all([
    import('./corpus.js'), import('./index.js'), import('./model.js'), import('./registry/evaluate.js'), import('./gate.js'),
  ]);
  const corpus = loadCorpus(job.trainingDir);
  const model = trainOnSamples(trainingSamples(corpus), { corpusHash: corpus.hash, now: new Date(job.now) });
  model.file.version = freeVersion(model.file.version, new Set(job.taken));
  const tests = testSamples(corpus);
  const evaluation = evaluate(createNlu(model), tests);
  // The current model is scored on today's tests too, so the gate compares like with like.
  const baseline = job.baseline ? evaluate(createNlu(loadModel(parseModel(job.baseline))), tests) : null;
  const report = compareModels(baseline, evaluation, job.policy);
  // Written here when the registry is on disk, else sent as UTF-8 bytes: either way the chat thread never holds the
  // 5 MB as a string, and with a file it does not even receive (copy and deserialise) them.
  const text = JSON.stringify(model.file);
  let json: Uint8Array | { path: string };
  if (job.saveTo) {
    writeFileSync(job.saveTo, text);
    json = { path: job.saveTo };
  } else json = new TextEncoder().encode(text);
  // The baseline's evaluation stays here: the report says all the chat thread needs of it.
  return { ok: true, kind: 'train', parts: send(modelParts(model.file), job.netFile), json, evaluation, report };
}

/** Runs one job (in the worker; tests may call it directly). */
export async function runJob(job: WorkerJob): Promise<WorkerResult> {
  try {
    if (job.kind === 'train') return await train(job);
    // modelParts() without model.js, whose language layer would load jieba's dictionary for nothing.
    const { netArrays } = await import('./classifier.js');
    const { net, ...file } = parseModel(job.model);
    return { ok: true, kind: 'load', parts: send({ file, net: netArrays(net) }, job.netFile) };
  } catch (err) {
    const e = err as { message?: string; code?: unknown };
    return { ok: false, message: e.message ?? String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) };
  }
}

/** The buffers to transfer rather than copy. */
export function transferList(r: WorkerResult): ArrayBuffer[] {
  if (!r.ok) return [];
  const net = r.parts.net ? [r.parts.net.weights, r.parts.net.biases, r.parts.net.nameLengths] : [];
  const json = r.kind === 'train' && r.json instanceof Uint8Array ? [r.json] : [];
  return [...net, ...json].map((a) => a.buffer as ArrayBuffer);
}

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
