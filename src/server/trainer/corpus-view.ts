/** The training corpus as trainers see it: cached, reloaded when a file changes on disk, by hand or by us. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, type Corpus, type CorpusScript, type IntentFile } from '../../intents/corpus.js';
import { normalise } from '../../intents/normalise.js';

/** The script a sentence is written in, as training files name it. */
export function scriptOf(text: string): CorpusScript {
  const s = normalise(text).script;
  return s === 'hant' ? 'zh-Hant' : s === 'en' ? 'en' : 'zh-Hans';
}

/** A corpus that re-reads itself when any intent file's size or mtime changed. */
export interface CorpusView {
  get(): Corpus;
  intent(id: string): IntentFile | undefined;
  /** Forget the cache (after our own writes). */
  invalidate(): void;
}

/** Creates the view over a training folder. */
export function createCorpusView(dir: string): CorpusView {
  let cached: { signature: string; corpus: Corpus } | null = null;
  const signature = (): string => readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => { const s = statSync(join(dir, n)); return `${n}:${s.size}:${s.mtimeMs}`; }).join('|');
  function get(): Corpus {
    const sig = signature();
    if (cached?.signature !== sig) cached = { signature: sig, corpus: loadCorpus(dir) };
    return cached.corpus;
  }
  return {
    get,
    intent: (id) => get().intents.find((f) => f.intent === id),
    invalidate: () => { cached = null; },
  };
}
