/** TagStore in memory, for tests and for tools that do not keep what they see. */
import type { MarketingEvent, TagStore } from '../types.js';

const PAGE = 1000;

/** A TagStore in an array; events are copied in and out so callers cannot alias stored ones. */
export function createMemoryTagStore(initial: MarketingEvent[] = []): TagStore & { readonly size: number } {
  const events = initial.map((e) => structuredClone(e));
  return {
    get size() { return events.length; },
    async append(batch) {
      for (const e of batch) events.push(structuredClone(e));
    },
    async *scan() {
      // A snapshot of the length, so events appended while scanning are left for the next scan.
      const n = events.length;
      for (let i = 0; i < n; i += PAGE) yield events.slice(i, Math.min(n, i + PAGE)).map((e) => structuredClone(e));
    },
    async close() {},
  };
}
