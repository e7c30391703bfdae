/** A registry store in memory, for tests and throwaway runs. */
import type { RegistryIndex, RegistryStore } from './types.js';

/** Creates an empty in-memory registry store. */
export function createMemoryRegistryStore(): RegistryStore {
  let index: RegistryIndex = { current: null, models: [] };
  const models = new Map<string, string>();
  const details = new Map<string, unknown>();
  return {
    readIndex: async () => structuredClone(index),
    writeIndex: async (next) => void (index = structuredClone(next)),
    writeModel: async (version, json) => void models.set(version, typeof json === 'string' ? json : new TextDecoder().decode(json)),
    readModel: async (version) => models.get(version) ?? null,
    writeDetail: async (version, kind, value) => void details.set(`${version}.${kind}`, structuredClone(value)),
    readDetail: async (version, kind) => structuredClone(details.get(`${version}.${kind}`) ?? null),
  };
}
