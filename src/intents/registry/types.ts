/** What the model registry keeps: every model with its version, date, corpus size and evaluation figures. */

/** One held-out sentence as a model saw it. */
export interface SentencePrediction {
  text: string;
  expected: string;
  predicted: string;
  score: number;
}

/** Held-out figures of one intent: how many of its own tests the model got right, and how precise it was. */
export interface IntentAccuracy {
  intent: string;
  /** Held-out sentences labelled with this intent. */
  support: number;
  correct: number;
  /** correct / support (0 when the intent has no tests). */
  recall: number;
  precision: number;
}

/** A model's evaluation on the held-out tests of training/ (the `tests` of every intent file). */
export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  perIntent: IntentAccuracy[];
  predictions: SentencePrediction[];
}

/** Where a model stands. `held` waits for a trainer to confirm it past the regression gate. */
export type ModelStatus = 'current' | 'kept' | 'held';

/** Who asked for the model. */
export type ModelSource = 'page' | 'cli' | 'start';

/** The gate's verdict as stored with a model (the full report is recomputed from the two evaluations). */
export interface GateSummary {
  pass: boolean;
  /** The model it was compared with, if any. */
  against: string | null;
  accuracyBefore: number | null;
  accuracyAfter: number;
  /** Intents whose own tests got worse, and the ones that broke the gate. */
  worse: string[];
  broken: string[];
  flipped: number;
  fixed: number;
  /** Set when a trainer let a gated model through. */
  confirmedBy?: string;
}

/** One registered model (its weights and per-sentence predictions are stored beside it). */
export interface ModelEntry {
  version: string;
  trainedAt: string;
  corpusHash: string;
  corpusSize: number;
  intents: string[];
  trainMs: number;
  /** Held-out accuracy overall and per intent (recall on its own tests). */
  accuracy: number;
  tests: number;
  perIntent: { intent: string; support: number; recall: number }[];
  status: ModelStatus;
  source: ModelSource;
  gate: GateSummary | null;
  /** When it last became current (null: never). */
  activatedAt: string | null;
}

/** The registry's small index: the entries and the pointer to the model in use. */
export interface RegistryIndex {
  current: string | null;
  models: ModelEntry[];
}

/** Where the registry keeps its files; a memory and a file adapter implement it. */
export interface RegistryStore {
  readIndex(): Promise<RegistryIndex>;
  writeIndex(index: RegistryIndex): Promise<void>;
  /** The model's JSON exactly as trained (a ModelFile), as text or as UTF-8 bytes straight from the worker. */
  writeModel(version: string, json: ModelJson): Promise<void>;
  /**
   * A fresh temp file beside the models, for the training worker to write a new model's JSON into; writeModel then
   * moves it into place. Only stores on disk have it.
   */
  stagingPath?(): Promise<string>;
  /** The model's JSON as UTF-8 bytes (never decoded here: that is 5 MB of text). */
  readModel(version: string): Promise<Uint8Array | null>;
  /** The model's file, when the store keeps it on disk where another process can read it (null: no such model). */
  modelPath?(version: string): Promise<string | null>;
  /** Per-model details too big for the index: the held-out predictions, and the gate's full report. */
  writeDetail(version: string, kind: DetailKind, value: unknown): Promise<void>;
  readDetail(version: string, kind: DetailKind): Promise<unknown>;
}

/** A model's JSON as text, as UTF-8 bytes, or as a file written by the training worker (moved into the registry). */
export type ModelJson = string | Uint8Array | { path: string };

/**
 * A stored model as handed to the training worker: its file, which the worker reads itself, or its JSON. A path
 * keeps the chat thread from reading, copying and sending 5 MB (~10 ms of blocking on a busy 2-core machine).
 */
export type ModelRef = { path: string } | { json: string | Uint8Array };

/** The per-model detail files. */
export type DetailKind = 'eval' | 'gate';

/** A registry request that cannot be served; `code` is stable. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly code: 'unknown_version' | 'duplicate_version' | 'bad_version' | 'model_missing',
    message: string,
  ) {
    super(message);
  }
}

/** Versions are used as file names, so only these characters are allowed. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;
