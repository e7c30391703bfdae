/**
 * A registry store on disk, under data/models/registry/: index.json, and per model
 * versions/<version>.model.json (the weights, as trained), <version>.eval.json (held-out predictions) and
 * <version>.gate.json (the regression gate's report).
 * Model files are written with async I/O so a 3 MB write never blocks the chats. Every write goes to a temp file
 * named after the process and is renamed into place, so `npm run train` and a running server never see half a file
 * (lowdb's shared temp name could collide between two processes writing the index at once).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RegistryError, VERSION_PATTERN, type DetailKind, type RegistryIndex, type RegistryStore } from './types.js';

async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Opens (or starts) a registry under `dir`, e.g. data/models/registry. */
export function createFileRegistryStore(dir: string): RegistryStore {
  const versions = join(dir, 'versions');
  const indexFile = join(dir, 'index.json');
  let ready: Promise<unknown> | undefined;
  const open = (): Promise<unknown> => (ready ??= mkdir(versions, { recursive: true }));
  const path = (version: string, kind: 'model' | DetailKind): string => {
    if (!VERSION_PATTERN.test(version)) throw new RegistryError('bad_version', `"${version}" is not a model version`);
    return join(versions, `${version}.${kind}.json`);
  };

  return {
    async readIndex() {
      // Read every time: `npm run train` may have registered a model since (it writes the same index).
      const text = await readOrNull(indexFile);
      return text === null ? { current: null, models: [] } : (JSON.parse(text) as RegistryIndex);
    },
    async writeIndex(index) {
      await open();
      await writeAtomic(indexFile, `${JSON.stringify(index, null, 2)}\n`);
    },
    async writeModel(version, json) {
      await open();
      await writeAtomic(path(version, 'model'), json);
    },
    readModel: async (version) => readOrNull(path(version, 'model')),
    async writeDetail(version, kind, value) {
      await open();
      await writeAtomic(path(version, kind), JSON.stringify(value));
    },
    async readDetail(version, kind) {
      const text = await readOrNull(path(version, kind));
      return text === null ? null : (JSON.parse(text) as unknown);
    },
  };
}
