/**
 * Retraining without downtime: train in a worker, score the new model and the current one on the same held-out
 * tests, register the new model, and switch it in only if the regression gate passes. A gated model waits, held,
 * until a trainer confirms it. Rollback switches back to any kept model. Chats never wait for any of this: the
 * caller's `onSwitch` swaps the model under them (see src/intents/swappable.ts).
 */
import { rm } from 'node:fs/promises';
import { DEFAULT_GATE_POLICY, summarise, type GatePolicy, type GateReport } from '../gate.js';
import type { Model } from '../model.js';
import type { TrainRunner } from '../train-runner.js';
import type { ModelRegistry } from './index.js';
import { RegistryError, type ModelEntry, type ModelSource } from './types.js';

/** One retrain run as trainers see it. */
export interface RetrainJob {
  id: number;
  source: ModelSource;
  state: 'training' | 'switched' | 'held' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  version: string | null;
  /** Wall time of the whole run (worker start, training, scoring, registering). */
  totalMs: number | null;
  /** Chat-thread time spent building the new model from the worker's arrays, in all (spread over many turns). */
  buildMs: number | null;
  /** The longest single block of that: how long a chat could be held up by the switch. */
  buildSliceMs: number | null;
  gate: GateReport | null;
  error: { code: string; message: string } | null;
}

/** What the retrainer needs. */
export interface RetrainDeps {
  registry: ModelRegistry;
  runner: TrainRunner;
  trainingDir: string;
  policy?: GatePolicy;
  clock?: () => number;
  /** Puts a model in front of the chats (it is already registered as current). */
  onSwitch(model: Model, entry: ModelEntry): void;
}

/** Retrain, confirm, roll back. */
export interface Retrainer {
  /** Starts a retrain, or returns the one already running; resolves when it has finished. */
  retrain(source: ModelSource): Promise<RetrainJob>;
  /** The running job, else the last one (null before the first). */
  status(): RetrainJob | null;
  /** Switches in a model the gate held back. */
  confirm(version: string, by: string): Promise<ModelEntry>;
  /** Switches back to an earlier model. */
  rollback(version: string): Promise<ModelEntry>;
}

/** A request the retrainer refuses; `code` is stable. */
export class RetrainError extends Error {
  override readonly name = 'RetrainError';
  constructor(readonly code: 'not_held' | 'not_kept', message: string) {
    super(message);
  }
}

/** Held models stay loaded so a confirmation switches at once; older ones are reloaded from the registry. */
const HELD_IN_MEMORY = 2;

/** Creates the retrainer. */
export function createRetrainer(deps: RetrainDeps): Retrainer {
  const { registry, runner, trainingDir, onSwitch } = deps;
  const policy = deps.policy ?? DEFAULT_GATE_POLICY;
  const clock = deps.clock ?? Date.now;
  const held = new Map<string, Model>();
  let last: RetrainJob | null = null;
  let running: Promise<RetrainJob> | null = null;
  let nextId = 1;

  async function run(job: RetrainJob): Promise<RetrainJob> {
    const started = performance.now();
    let saveTo: string | undefined;
    let result: Pick<RetrainJob, 'state'> & Partial<RetrainJob>;
    try {
      const current = await registry.current();
      // Its file: the worker reads it, so 5 MB are neither read nor sent by the chat thread.
      const baseline = current ? await registry.modelRef(current.version) : undefined;
      const taken = (await registry.list()).map((m) => m.version);
      // The worker writes the new model's JSON beside the registry's models, and runs the gate (comparing ~1,600
      // predictions twice takes the chat thread 5-10 ms).
      saveTo = (await registry.stagingFile()) ?? undefined;
      const out = await runner.train({ trainingDir, taken, now: new Date(clock()), policy, ...(baseline ? { baseline } : {}), ...(saveTo ? { saveTo } : {}) });
      const { report } = out;
      const { version, trainedAt, corpusHash, corpusSize, intents, trainMs } = out.model.file;
      const entry = await registry.add({
        meta: { version, trainedAt, corpusHash, corpusSize, intents, trainMs }, json: out.json, evaluation: out.evaluation,
        source: job.source, gate: summarise(report, current?.version ?? null), report, status: report.pass ? 'current' : 'held',
      });
      if (report.pass) onSwitch(out.model, entry);
      else {
        held.set(version, out.model);
        for (const old of [...held.keys()].slice(0, -HELD_IN_MEMORY)) held.delete(old);
      }
      result = { state: report.pass ? 'switched' : 'held', version, gate: report, buildMs: out.buildMs, buildSliceMs: out.buildSliceMs };
    } catch (err) {
      const e = err as { code?: unknown; message?: string };
      result = { state: 'failed', error: { code: typeof e.code === 'string' ? e.code : 'train_failed', message: e.message ?? String(err) } };
    }
    // Registered models were moved out of it; a failed run leaves no staged file behind.
    if (saveTo) await rm(saveTo, { force: true });
    // All at once: whoever polls the job sees it finished only with its times.
    Object.assign(job, result, { finishedAt: new Date(clock()).toISOString(), totalMs: Math.round(performance.now() - started) });
    return job;
  }

  async function modelOf(version: string): Promise<Model> {
    return held.get(version) ?? runner.load(await registry.modelRef(version));
  }

  return {
    retrain(source) {
      if (running) return running;
      const job: RetrainJob = {
        id: nextId++, source, state: 'training', startedAt: new Date(clock()).toISOString(), finishedAt: null,
        version: null, totalMs: null, buildMs: null, buildSliceMs: null, gate: null, error: null,
      };
      last = job;
      running = run(job).finally(() => { running = null; });
      return running;
    },
    status: () => (last ? structuredClone(last) : null),
    async confirm(version, by) {
      const entry = await registry.get(version);
      if (!entry) throw new RegistryError('unknown_version', `no model ${version}`);
      if (entry.status !== 'held') throw new RetrainError('not_held', `model ${version} is not waiting for confirmation`);
      const model = await modelOf(version);
      const active = await registry.activate(version, { confirmedBy: by });
      held.delete(version);
      onSwitch(model, active);
      return active;
    },
    async rollback(version) {
      const entry = await registry.get(version);
      if (!entry) throw new RegistryError('unknown_version', `no model ${version}`);
      if (entry.status === 'held') throw new RetrainError('not_kept', `model ${version} was held back by the gate: confirm it instead`);
      if (entry.status === 'current') return entry;
      const model = await modelOf(version);
      const active = await registry.activate(version);
      onSwitch(model, active);
      return active;
    },
  };
}
