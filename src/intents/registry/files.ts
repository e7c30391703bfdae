/**
 * A registry store on disk, under data/models/registry/: index.json, and per model
 * versions/<version>.model.json (the weights, as trained), <version>.eval.json (held-out predictions) and
 * <version>.gate.json (the regression gate's report).
 * Model files are written and read with async I/O, and read as bytes (never decoded here), so a 5 MB model never
 * blocks the chats. Every write goes to a temp file
 * named after the process and is renamed into place, so `npm run train` and a running server never see half a file
 * (lowdb's shared temp name could collide between two processes writing the index at once). A process killed
 * mid-write (or a server killed while a retrain was staging its model) leaves its temp file behind: the first write
 * after a start removes those of processes that are gone.
 */
import { access, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RegistryError, VERSION_PATTERN, type DetailKind, type RegistryIndex, type RegistryStore } from './types.js';

async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Temp and staged files carry their writer's pid: `<name>.<pid>.<time>.<random>.tmp`. */
const TEMP_FILE = /\.(\d+)\.\d+\.[a-z0-9]+\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid is someone else's live process; only ESRCH says it is gone.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Removes the temp files in `dirs` whose writing process no longer runs; returns their names. */
export async function sweepTempFiles(dirs: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const pid = Number(TEMP_FILE.exec(name)?.[1]);
      if (!pid || pid === process.pid || alive(pid)) continue;
      await unlink(join(dir, name)).then(() => removed.push(name), () => undefined);
    }
  }
  return removed;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
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
  const open = (): Promise<unknown> => (ready ??= mkdir(versions, { recursive: true }).then(() => sweepTempFiles([dir, versions])));
  const path = (version: string, kind: 'model' | DetailKind): string => {
    if (!VERSION_PATTERN.test(version)) throw new RegistryError('bad_version', `"${version}" is not a model version`);
    return join(versions, `${version}.${kind}.json`);
  };

  return {
    async readIndex() {
      // Read every time: `npm run train` may have registered a model since (it writes the same index).
      const bytes = await readOrNull(indexFile);
      return bytes === null ? { current: null, models: [] } : (JSON.parse(bytes.toString('utf8')) as RegistryIndex);
    },
    async writeIndex(index) {
      await open();
      await writeAtomic(indexFile, `${JSON.stringify(index, null, 2)}\n`);
    },
    async writeModel(version, json) {
      await open();
      // A staged file is in the same folder, so the rename is atomic like writeAtomic's.
      if (typeof json === 'object' && 'path' in json) await rename(json.path, path(version, 'model'));
      else await writeAtomic(path(version, 'model'), json);
    },
    async stagingPath() {
      await open();
      return join(versions, `.staged.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
    },
    readModel: async (version) => readOrNull(path(version, 'model')),
    async modelPath(version) {
      const file = path(version, 'model');
      return access(file).then(() => file, () => null);
    },
    async writeDetail(version, kind, value) {
      await open();
      await writeAtomic(path(version, kind), JSON.stringify(value));
    },
    async readDetail(version, kind) {
      const bytes = await readOrNull(path(version, kind));
      return bytes === null ? null : (JSON.parse(bytes.toString('utf8')) as unknown);
    },
  };
}
