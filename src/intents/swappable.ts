/** An Nlu whose model can be replaced while chats go on: each call uses whichever model is current at that moment. */
import type { Nlu } from './types.js';

/** An Nlu plus the switch that replaces the model behind it. */
export interface SwappableNlu extends Nlu {
  /** Replaces the model; calls already running finish on the old one (calls are synchronous, so none is torn). */
  swap(next: Nlu): void;
  current(): Nlu;
}

/** Wraps an Nlu so a retrain can switch models without dropping a connection. */
export function createSwappableNlu(initial: Nlu): SwappableNlu {
  let nlu = initial;
  return {
    get version() {
      return nlu.version;
    },
    normalise: (raw) => nlu.normalise(raw),
    classify: (norm) => nlu.classify(norm),
    classifyClauses: (norm) => nlu.classifyClauses(norm),
    extract: (norm) => nlu.extract(norm),
    swap(next) {
      nlu = next;
    },
    current: () => nlu,
  };
}
