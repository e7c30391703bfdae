/**
 * Writes trainer changes back to training/<intent>.json in the format people edit by hand: 2-space JSON with a
 * trailing newline, the documented key order (intent, description, examples, tests, answers), scripts in the order
 * zh-Hans, zh-Hant, en. Keys we do not know are kept where they were. Every write is atomic (temp file + rename), so
 * a reader (the server, `npm run train`, an editor) never sees half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_SCRIPTS, CorpusError, parseIntentFile, type ByScript, type CorpusScript, type IntentFile } from './corpus.js';

/** The fields a trainer may change, in the order they are written. */
export const FIELD_ORDER = ['intent', 'description', 'examples', 'tests', 'answers'] as const;
export type ListField = 'examples' | 'tests' | 'answers';

/** Intent ids a trainer may create: lower-case words joined by underscores, like the shipped ones. */
export const INTENT_ID = /^[a-z][a-z0-9_]{1,39}$/;

/** Path of an intent's file; refuses ids that could leave the folder. */
export function intentPath(dir: string, intent: string): string {
  if (intent !== 'None' && !INTENT_ID.test(intent)) throw new CorpusError(`"${intent}" is not a valid intent id (a-z, 0-9, _)`);
  return join(dir, `${intent}.json`);
}

/** Scripts in the documented order, then any others as found (there should be none). */
function orderScripts(by: ByScript | Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of CORPUS_SCRIPTS) if ((by as Record<string, unknown>)[s] !== undefined) out[s] = (by as Record<string, unknown>)[s];
  for (const [k, v] of Object.entries(by)) if (!(k in out)) out[k] = v;
  return out;
}

/** The JSON text for an intent file: known keys in order, unknown keys of `previous` kept after them. */
export function formatIntentFile(file: IntentFile, previous: Record<string, unknown> = {}): string {
  const out: Record<string, unknown> = { intent: file.intent };
  if (file.description !== undefined) out.description = file.description;
  out.examples = orderScripts(file.examples);
  for (const field of ['tests', 'answers'] as const) {
    const value = file[field];
    // An empty tests/answers object is dropped unless the file had the key (people write "tests": {} on purpose).
    if (value && (Object.keys(value).length > 0 || field in previous)) out[field] = orderScripts(value);
  }
  for (const [k, v] of Object.entries(previous)) if (!(FIELD_ORDER as readonly string[]).includes(k)) out[k] = v;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Writes text to a file atomically: a reader sees the old file or the new one, never a mix. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Reads one intent file (validated) plus its raw object, for edits that keep unknown keys. */
export function readIntentFile(dir: string, intent: string): { file: IntentFile; raw: Record<string, unknown> } | null {
  const path = intentPath(dir, intent);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const file = parseIntentFile(text, intent);
  return { file, raw: JSON.parse(text) as Record<string, unknown> };
}

/** Writes an intent file (validated first, so a bad edit never reaches the disk). */
export function writeIntentFile(dir: string, file: IntentFile, previous: Record<string, unknown> = {}): void {
  const text = formatIntentFile(file, previous);
  parseIntentFile(text, file.intent);
  writeAtomic(intentPath(dir, file.intent), text);
}

/** Applies `change` to one intent file and writes it back; returns the new file. */
export function updateIntentFile(dir: string, intent: string, change: (file: IntentFile) => IntentFile): IntentFile {
  const found = readIntentFile(dir, intent);
  if (!found) throw new CorpusError(`training/${intent}.json does not exist`);
  const next = change(structuredClone(found.file));
  if (next.intent !== intent) throw new CorpusError(`training/${intent}.json: an edit may not rename the intent`);
  writeIntentFile(dir, next, found.raw);
  return next;
}

/** A list with `texts` added at the end (each once, trimmed; ones already there are skipped). */
export function withAdded(list: string[] | undefined, texts: string[]): string[] {
  const out = [...(list ?? [])];
  for (const t of texts.map((s) => s.trim()).filter(Boolean)) if (!out.includes(t)) out.push(t);
  return out;
}

/** Adds sentences to one list (examples, tests or answers) of one script. */
export function addToList(file: IntentFile, field: ListField, script: CorpusScript, texts: string[]): IntentFile {
  const by: ByScript = { ...(file[field] ?? {}) };
  by[script] = withAdded(by[script], texts);
  return { ...file, [field]: by };
}

/** Removes a sentence from one list; a script left empty is dropped from the file. */
export function removeFromList(file: IntentFile, field: ListField, script: CorpusScript, text: string): IntentFile {
  const by: ByScript = { ...(file[field] ?? {}) };
  const left = (by[script] ?? []).filter((t) => t !== text.trim());
  if (left.length > 0) by[script] = left;
  else delete by[script];
  return { ...file, [field]: by };
}
