/**
 * Trainer edits to training/: create an intent, add or remove examples, tests and answers. Each is checked against
 * the rules in training/README.md (one intent per sentence, tests never copy examples, answers in zh-Hans and en)
 * and written back in the hand-edited format by the corpus writer.
 */
import type { CorpusScript, IntentFile } from '../../intents/corpus.js';
import { addToList, INTENT_ID, removeFromList, updateIntentFile, writeIntentFile, type ListField } from '../../intents/corpus-writer.js';
import { scriptOf, type CorpusView } from './corpus-view.js';
import { TrainerError } from './errors.js';

/** A new intent as a trainer describes it. */
export interface NewIntent {
  intent: string;
  description?: string;
  examples: string[];
  answers: { 'zh-Hans': string[]; en: string[] };
}

const all = (f: IntentFile, field: ListField): string[] => Object.values(f[field] ?? {}).flat();

/** The edits, over a corpus view (which they invalidate after each write). */
export function createEdits(dir: string, view: CorpusView) {
  function mustExist(intent: string): IntentFile {
    const f = view.intent(intent);
    if (!f) throw new TrainerError('unknown_intent', `there is no intent ${intent}`);
    return f;
  }

  /** An example may belong to one intent only (training/README.md). */
  function checkNotElsewhere(intent: string, texts: string[]): void {
    for (const other of view.get().intents) {
      if (other.intent === intent) continue;
      const clash = texts.find((t) => all(other, 'examples').includes(t.trim()));
      if (clash) throw new TrainerError('example_elsewhere', `"${clash}" is already an example of ${other.intent}`);
    }
  }

  function write<T>(job: () => T): T {
    try {
      return job();
    } finally {
      view.invalidate();
    }
  }

  /** Adds sentences to one list; the script of each is detected unless given. Returns how many were new. */
  function add(intent: string, field: ListField, texts: string[], script?: CorpusScript): number {
    const f = mustExist(intent);
    const clean = [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
    if (field === 'examples') checkNotElsewhere(intent, clean);
    if (field === 'tests') {
      const copy = clean.find((t) => all(f, 'examples').includes(t));
      if (copy) throw new TrainerError('copy_of_example', `"${copy}" is an example of ${intent}; tests must be new sentences`);
    }
    const fresh = clean.filter((t) => !(f[field]?.[script ?? scriptOf(t)] ?? []).includes(t));
    if (fresh.length === 0) return 0;
    write(() => updateIntentFile(dir, intent, (file) => fresh.reduce((acc, t) => addToList(acc, field, script ?? scriptOf(t), [t]), file)));
    return fresh.length;
  }

  /** Removes one sentence; the last zh-Hans or en answer stays (the bot needs one in each). */
  function remove(intent: string, field: ListField, text: string, script?: CorpusScript): boolean {
    const f = mustExist(intent);
    const where = script ?? (Object.keys(f[field] ?? {}) as CorpusScript[]).find((s) => f[field]?.[s]?.includes(text.trim()));
    if (!where || !f[field]?.[where]?.includes(text.trim())) return false;
    if (field === 'answers' && where !== 'zh-Hant' && f.answers?.[where]?.length === 1) {
      throw new TrainerError('last_answer', `${intent} needs at least one ${where} answer`);
    }
    write(() => updateIntentFile(dir, intent, (file) => removeFromList(file, field, where, text)));
    return true;
  }

  /** Creates training/<intent>.json. */
  function create(n: NewIntent): IntentFile {
    if (!INTENT_ID.test(n.intent)) throw new TrainerError('bad_request', `"${n.intent}" is not a valid intent id: use a-z, 0-9 and _`);
    if (view.intent(n.intent)) throw new TrainerError('intent_exists', `${n.intent} already exists`);
    const examples = [...new Set(n.examples.map((t) => t.trim()).filter(Boolean))];
    checkNotElsewhere(n.intent, examples);
    let file: IntentFile = { intent: n.intent, examples: {}, tests: {}, answers: { 'zh-Hans': n.answers['zh-Hans'], en: n.answers.en } };
    if (n.description) file.description = n.description;
    for (const t of examples) file = addToList(file, 'examples', scriptOf(t), [t]);
    write(() => writeIntentFile(dir, file, { tests: {} }));
    return file;
  }

  return { add, remove, create };
}

export type Edits = ReturnType<typeof createEdits>;
