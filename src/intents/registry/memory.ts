/** A registry store in memory, for tests and throwaway runs. */
import { readFile, rm } from 'node:fs/promises';
import type { ModelJson, RegistryIndex, RegistryStore } from './types.js';

/** The bytes of a model's JSON; a file is moved in (read, then removed), as the file store would. */
async function bytesOf(json: ModelJson): Promise<Uint8Array> {
  if (typeof json === 'string') return new TextEncoder().encode(json);
  if (json instanceof Uint8Array) return json.slice();
  const bytes = await readFile(json.path);
  await rm(json.path);
  return bytes;
}

/** Creates an empty in-memory registry store. */
export function createMemoryRegistryStore(): RegistryStore {
  let index: RegistryIndex = { current: null, models: [] };
  const models = new Map<string, Uint8Array>();
  const details = new Map<string, unknown>();
  return {
    readIndex: async () => structuredClone(index),
    writeIndex: async (next) => void (index = structuredClone(next)),
    writeModel: async (version, json) => void models.set(version, await bytesOf(json)),
    readModel: async (version) => models.get(version)?.slice() ?? null,
    writeDetail: async (version, kind, value) => void details.set(`${version}.${kind}`, structuredClone(value)),
    readDetail: async (version, kind) => structuredClone(details.get(`${version}.${kind}`) ?? null),
  };
}
