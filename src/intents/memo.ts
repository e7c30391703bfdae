/**
 * Remembers what the language layer said about a text, so a text buyers send again and again costs its analysis
 * once. On a busy day most messages are the same few: the quick-reply chips send their exact text, and 在吗,
 * 包邮吗, 什么时候发货 come in thousands of times. A short text's normalisation is kept in a bounded
 * least-recently-used table; its classifications and entities hang off that normalisation (a WeakMap), tagged with
 * the model version that made them, so a retrained model answers afresh and a forgotten text takes its results along.
 *
 * Results are shared between every turn that sent the same text: callers must treat them as read-only, as the
 * pipeline does (the memo test runs turns over cached results and checks they are unchanged).
 */
import type { Classification, Entity, Nlu, Normalised } from './types.js';

/** Bounds of the memo. */
export interface MemoOptions {
  /** Distinct texts kept (least recently used dropped first): ~1 KB each. */
  maxTexts?: number;
  /** Longer texts are analysed every time: long messages rarely repeat, and would crowd out the short ones. */
  maxLength?: number;
}

/** Hit counts, for the bench and the ops page. */
export interface MemoStats {
  hits: number;
  misses: number;
  size: number;
}

/** An Nlu that remembers, plus its counts. */
export interface MemoNlu extends Nlu {
  stats(): MemoStats;
}

/** What one model said about one normalised text, filled as the stages ask. */
interface Known {
  version: string;
  whole?: Classification;
  clauses?: Classification[];
  entities?: Entity[];
}

/** Wraps `inner` (e.g. the swappable Nlu: its version changes when a retrained model is switched in). */
export function memoiseNlu(inner: Nlu, { maxTexts = 5000, maxLength = 120 }: MemoOptions = {}): MemoNlu {
  const byRaw = new Map<string, Normalised>();
  const known = new WeakMap<Normalised, Known>();
  let hits = 0;
  let misses = 0;

  function knownOf(norm: Normalised): Known {
    const version = inner.version;
    let k = known.get(norm);
    if (k?.version !== version) {
      k = { version };
      known.set(norm, k);
    }
    return k;
  }

  return {
    get version() {
      return inner.version;
    },
    normalise(raw) {
      if (raw.length > maxLength) return inner.normalise(raw);
      const found = byRaw.get(raw);
      if (found) {
        hits++;
        byRaw.delete(raw);
        byRaw.set(raw, found);
        return found;
      }
      misses++;
      const norm = inner.normalise(raw);
      byRaw.set(raw, norm);
      if (byRaw.size > maxTexts) byRaw.delete(byRaw.keys().next().value as string);
      return norm;
    },
    classify(norm) {
      const k = knownOf(norm);
      return (k.whole ??= inner.classify(norm));
    },
    classifyClauses(norm) {
      const k = knownOf(norm);
      return (k.clauses ??= inner.classifyClauses(norm));
    },
    extract(norm) {
      const k = knownOf(norm);
      return (k.entities ??= inner.extract(norm));
    },
    stats: () => ({ hits, misses, size: byRaw.size }),
  };
}
