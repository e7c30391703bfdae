/** Reads and validates the training corpus: one JSON file per intent under training/. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise } from './normalise.js';

/** The scripts a corpus file may hold sentences in. */
export const CORPUS_SCRIPTS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type CorpusScript = (typeof CORPUS_SCRIPTS)[number];

export type ByScript = Partial<Record<CorpusScript, string[]>>;

/** One intent as stored in training/<intent>.json. */
export interface IntentFile {
  intent: string;
  description?: string;
  examples: ByScript;
  tests?: ByScript;
  answers?: ByScript;
}

/** A labelled sentence. */
export interface Sample {
  text: string;
  intent: string;
  script: CorpusScript;
}

/** The whole corpus, as loaded. */
export interface Corpus {
  intents: IntentFile[];
  /** Hash of the files' contents that matter for training (examples only), used to name cached models. */
  hash: string;
}

/** A corpus file that does not have the documented shape. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  readonly code = 'bad_corpus';
}

function checkByScript(value: unknown, where: string): ByScript {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorpusError(`${where}: expected an object keyed by script (zh-Hans, zh-Hant, en)`);
  }
  const out: ByScript = {};
  for (const [key, list] of Object.entries(value)) {
    if (!(CORPUS_SCRIPTS as readonly string[]).includes(key)) {
      throw new CorpusError(`${where}: unknown script "${key}" (use zh-Hans, zh-Hant or en)`);
    }
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) {
      throw new CorpusError(`${where}.${key}: expected a list of strings`);
    }
    out[key as CorpusScript] = list.map((s: string) => s.trim()).filter((s: string) => s.length > 0);
  }
  return out;
}

/** Parses and validates one intent file's JSON text; `name` is the file name without .json. */
export function parseIntentFile(json: string, name: string): IntentFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new CorpusError(`training/${name}.json: not valid JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null) throw new CorpusError(`training/${name}.json: expected an object`);
  const d = data as Record<string, unknown>;
  if (d.intent !== name) throw new CorpusError(`training/${name}.json: "intent" must be "${name}", the file name`);
  const file: IntentFile = {
    intent: name,
    examples: checkByScript(d.examples, `${name}.examples`),
    tests: checkByScript(d.tests, `${name}.tests`),
    answers: checkByScript(d.answers, `${name}.answers`),
  };
  if (typeof d.description === 'string') file.description = d.description;
  return file;
}

/** Loads every training/<intent>.json in a folder, sorted by intent id. */
export function loadCorpus(dir: string): Corpus {
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const intents = names.map((f) => parseIntentFile(readFileSync(join(dir, f), 'utf8'), f.slice(0, -5)));
  if (intents.length === 0) throw new CorpusError(`${dir}: no intent files`);
  return { intents, hash: corpusHash(intents) };
}

/**
 * Version of how a corpus becomes a model (features, trainer settings). It is part of the corpus hash, so a cached
 * or registered model built by older code is never taken for the current one: bump it when either changes.
 */
export const TRAINING_CODE_VERSION = 3;

/** Hash of what training reads (ids and examples) and of how it trains, so a model can be matched to its corpus. */
export function corpusHash(intents: IntentFile[]): string {
  const h = createHash('sha256');
  h.update(`training-code-${TRAINING_CODE_VERSION}`);
  for (const f of intents) h.update(JSON.stringify([f.intent, f.examples]));
  return h.digest('hex').slice(0, 16);
}

function flatten(files: IntentFile[], pick: (f: IntentFile) => ByScript): Sample[] {
  const out: Sample[] = [];
  for (const f of files) {
    for (const script of CORPUS_SCRIPTS) {
      for (const text of pick(f)[script] ?? []) out.push({ text, intent: f.intent, script });
    }
  }
  return out;
}

/** All training examples as labelled samples. */
export const trainingSamples = (c: Corpus): Sample[] => flatten(c.intents, (f) => f.examples);

/** All held-out test sentences as labelled samples. */
export const testSamples = (c: Corpus): Sample[] => flatten(c.intents, (f) => f.tests ?? {});

/** A sentence as the model sees it (normalised: traditional = simplified, widths, squeezed repeats; spaces dropped). */
export function sentenceKey(text: string): string {
  const n = normalise(text);
  return n.text.replace(/\s+/g, '') + n.emoji.join('');
}

/** The lines that are not, once normalised, one of the corpus's training examples. */
export function unseenLines<T extends { text: string }>(corpus: Corpus, lines: T[]): T[] {
  const train = new Set(trainingSamples(corpus).map((s) => sentenceKey(s.text)));
  return lines.filter((l) => !train.has(sentenceKey(l.text)));
}
