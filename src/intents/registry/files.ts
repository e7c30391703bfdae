/**
 * A registry store on disk, under data/models/registry/: index.json (lowdb, atomic writes), and per model
 * versions/<version>.model.json (the weights, as trained), <version>.eval.json (held-out predictions) and
 * <version>.gate.json (the regression gate's report).
 * Model files are written with async I/O so a 3 MB write never blocks the chats.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { RegistryError, VERSION_PATTERN, type DetailKind, type RegistryIndex, type RegistryStore } from './types.js';

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
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
  const db = new Low<RegistryIndex>(new JSONFile(join(dir, 'index.json')), { current: null, models: [] });
  let ready: Promise<void> | undefined;
  const open = (): Promise<void> => (ready ??= mkdir(versions, { recursive: true }).then(() => db.read()));
  const path = (version: string, kind: 'model' | DetailKind): string => {
    if (!VERSION_PATTERN.test(version)) throw new RegistryError('bad_version', `"${version}" is not a model version`);
    return join(versions, `${version}.${kind}.json`);
  };

  return {
    async readIndex() {
      await open();
      // Re-read: `npm run train` may have registered a model since (it writes the same index).
      await db.read();
      return structuredClone(db.data);
    },
    async writeIndex(index) {
      await open();
      db.data = structuredClone(index);
      await db.write();
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
