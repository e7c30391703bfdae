/**
 * The model registry: every trained model is kept with its version, date, corpus size and held-out figures, one of
 * them is current, and a trainer can switch back to any earlier one. Storage is behind RegistryStore.
 */
import type { GateReport } from '../gate.js';
import {
  RegistryError, VERSION_PATTERN, type Evaluation, type GateSummary, type ModelEntry, type ModelRef, type ModelSource,
  type ModelJson, type ModelStatus, type RegistryIndex, type RegistryStore,
} from './types.js';

export * from './types.js';
export { createMemoryRegistryStore } from './memory.js';
export { createFileRegistryStore } from './files.js';

/** What a trained model brings to the registry. */
export interface NewModel {
  meta: { version: string; trainedAt: string; corpusHash: string; corpusSize: number; intents: string[]; trainMs: number };
  /** The ModelFile's JSON, stored as is: text, UTF-8 bytes, or a file the worker wrote (see stagingFile). */
  json: ModelJson;
  evaluation: Evaluation;
  source: ModelSource;
  gate: GateSummary | null;
  /** The gate's full report (intents that got worse, sentences that flipped), kept beside the model. */
  report: GateReport | null;
  /** 'current' switches it in at once; 'held' waits for a trainer. */
  status: Exclude<ModelStatus, 'kept'>;
}

/** The registry's calls. */
export interface ModelRegistry {
  /** Every model, newest first. */
  list(): Promise<ModelEntry[]>;
  get(version: string): Promise<ModelEntry | null>;
  current(): Promise<ModelEntry | null>;
  add(model: NewModel): Promise<ModelEntry>;
  /** Makes a registered model the current one (rollback, or confirming a held one); the old current is kept. */
  activate(version: string, patch?: { confirmedBy?: string }): Promise<ModelEntry>;
  /** The model's JSON as text (at start, and for tools). */
  modelJson(version: string): Promise<string>;
  /** The same as UTF-8 bytes. */
  modelBytes(version: string): Promise<Uint8Array>;
  /** What a running server hands the training worker (see TrainRunner): the file when on disk, else the bytes. */
  modelRef(version: string): Promise<ModelRef>;
  /**
   * Where the training worker may write a new model's JSON, to be added with `json: { path }` (null: the store is
   * not on disk, so the JSON comes back as bytes). The caller removes the file if the model is never added.
   */
  stagingFile(): Promise<string | null>;
  evaluation(version: string): Promise<Evaluation | null>;
  gateReport(version: string): Promise<GateReport | null>;
}

/** Summary figures stored in the index, so the model list loads without reading every evaluation. */
function perIntentSummary(e: Evaluation): ModelEntry['perIntent'] {
  return e.perIntent.map(({ intent, support, recall }) => ({ intent, support, recall }));
}

/** Creates the registry over a store; `clock` stamps activations. */
export function createRegistry(store: RegistryStore, clock: () => number = Date.now): ModelRegistry {
  // Index writes are read-modify-write: one at a time, so two quick calls cannot lose each other's change.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }
  const now = (): string => new Date(clock()).toISOString();
  const find = (index: RegistryIndex, version: string): ModelEntry => {
    const entry = index.models.find((m) => m.version === version);
    if (!entry) throw new RegistryError('unknown_version', `no model ${version}`);
    return entry;
  };
  const missing = (version: string) => new RegistryError('model_missing', `the weights of model ${version} are missing`);
  async function modelBytes(version: string): Promise<Uint8Array> {
    const bytes = await store.readModel(version);
    if (bytes === null) throw missing(version);
    return bytes;
  }
  function makeCurrent(index: RegistryIndex, entry: ModelEntry): void {
    for (const m of index.models) if (m.status === 'current') m.status = 'kept';
    entry.status = 'current';
    entry.activatedAt = now();
    index.current = entry.version;
  }

  return {
    list: async () => [...(await store.readIndex()).models].reverse(),
    get: async (version) => (await store.readIndex()).models.find((m) => m.version === version) ?? null,
    async current() {
      const index = await store.readIndex();
      return index.current ? (index.models.find((m) => m.version === index.current) ?? null) : null;
    },
    add(model) {
      return serial(async () => {
        const { meta } = model;
        if (!VERSION_PATTERN.test(meta.version)) throw new RegistryError('bad_version', `"${meta.version}" is not a model version`);
        const index = await store.readIndex();
        if (index.models.some((m) => m.version === meta.version)) {
          throw new RegistryError('duplicate_version', `model ${meta.version} is already registered`);
        }
        // Files first: an index entry never points at weights that are not on disk.
        await store.writeModel(meta.version, model.json);
        await store.writeDetail(meta.version, 'eval', model.evaluation);
        if (model.report) await store.writeDetail(meta.version, 'gate', model.report);
        const entry: ModelEntry = {
          ...meta, accuracy: model.evaluation.accuracy, tests: model.evaluation.total,
          perIntent: perIntentSummary(model.evaluation), status: 'held', source: model.source, gate: model.gate, activatedAt: null,
        };
        index.models.push(entry);
        if (model.status === 'current') makeCurrent(index, entry);
        await store.writeIndex(index);
        return structuredClone(entry);
      });
    },
    activate(version, patch = {}) {
      return serial(async () => {
        const index = await store.readIndex();
        const entry = find(index, version);
        if (patch.confirmedBy && entry.gate) entry.gate.confirmedBy = patch.confirmedBy;
        makeCurrent(index, entry);
        await store.writeIndex(index);
        return structuredClone(entry);
      });
    },
    modelJson: async (version) => new TextDecoder().decode(await modelBytes(version)),
    modelBytes,
    stagingFile: async () => (store.stagingPath ? store.stagingPath() : null),
    async modelRef(version) {
      if (!store.modelPath) return { json: await modelBytes(version) };
      const path = await store.modelPath(version);
      if (path === null) throw missing(version);
      return { path };
    },
    evaluation: async (version) => (await store.readDetail(version, 'eval')) as Evaluation | null,
    gateReport: async (version) => (await store.readDetail(version, 'gate')) as GateReport | null,
  };
}
