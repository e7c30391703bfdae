import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createFileRegistryStore, createMemoryRegistryStore, createRegistry, type Evaluation, type NewModel, type RegistryStore,
} from '../../../src/intents/registry/index.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kefu-registry-'));
  dirs.push(d);
  return d;
}

const evaluation = (accuracy: number): Evaluation => ({
  total: 2, correct: Math.round(accuracy * 2), accuracy,
  perIntent: [{ intent: 'size', support: 2, correct: Math.round(accuracy * 2), recall: accuracy, precision: 1 }],
  predictions: [{ text: '穿什么码', expected: 'size', predicted: 'size', score: 0.9 }, { text: '偏大吗', expected: 'size', predicted: accuracy === 1 ? 'size' : 'None', score: 0.4 }],
});

function model(version: string, status: 'current' | 'held' = 'current', accuracy = 1): NewModel {
  return {
    meta: { version, trainedAt: '2025-06-18T02:00:00.000Z', corpusHash: version.slice(0, 4), corpusSize: 6000, intents: ['None', 'size'], trainMs: 6000 },
    json: JSON.stringify({ format: 1, version, weights: [1, 2, 3] }), evaluation: evaluation(accuracy), source: 'page', gate: null, report: null, status,
  };
}

const adapters: [string, () => RegistryStore][] = [
  ['in memory', createMemoryRegistryStore],
  ['on disk', () => createFileRegistryStore(tempDir())],
];

describe.each(adapters)('model registry %s', (_name, makeStore) => {
  test('an empty registry has no current model and an empty list', async () => {
    const r = createRegistry(makeStore());
    expect(await r.current()).toBeNull();
    expect(await r.list()).toEqual([]);
  });

  test('a model added as current is kept with its version, date, corpus size and held-out figures', async () => {
    const r = createRegistry(makeStore(), () => Date.UTC(2025, 5, 18, 3));
    await r.add(model('aaaa-1'));
    const cur = await r.current();
    expect(cur).toMatchObject({
      version: 'aaaa-1', trainedAt: '2025-06-18T02:00:00.000Z', corpusSize: 6000, accuracy: 1, tests: 2, status: 'current',
      perIntent: [{ intent: 'size', support: 2, recall: 1 }], activatedAt: '2025-06-18T03:00:00.000Z',
    });
    expect(await r.modelJson('aaaa-1')).toContain('"weights":[1,2,3]');
    expect((await r.evaluation('aaaa-1'))?.predictions).toHaveLength(2);
  });

  test('a newer current model keeps the old one, listed after it', async () => {
    const r = createRegistry(makeStore());
    await r.add(model('aaaa-1'));
    await r.add(model('bbbb-2'));
    expect((await r.list()).map((m) => [m.version, m.status])).toEqual([['bbbb-2', 'current'], ['aaaa-1', 'kept']]);
  });

  test('a held model does not replace the current one until it is activated', async () => {
    const r = createRegistry(makeStore());
    await r.add(model('aaaa-1'));
    await r.add({ ...model('bbbb-2', 'held', 0.5), gate: { pass: false, against: 'aaaa-1', accuracyBefore: 1, accuracyAfter: 0.5, worse: ['size'], broken: ['size'], flipped: 1, fixed: 0 } });
    expect((await r.current())?.version).toBe('aaaa-1');
    expect((await r.get('bbbb-2'))?.status).toBe('held');
    const active = await r.activate('bbbb-2', { confirmedBy: 'trainer' });
    expect(active.gate?.confirmedBy).toBe('trainer');
    expect((await r.current())?.version).toBe('bbbb-2');
    expect((await r.get('aaaa-1'))?.status).toBe('kept');
  });

  test('rolling back makes an earlier model current again', async () => {
    const r = createRegistry(makeStore());
    await r.add(model('aaaa-1'));
    await r.add(model('bbbb-2'));
    await r.activate('aaaa-1');
    expect((await r.current())?.version).toBe('aaaa-1');
    expect((await r.list()).filter((m) => m.status === 'current')).toHaveLength(1);
  });

  test('a version cannot be registered twice, an unknown one cannot be activated, a path-like one is refused', async () => {
    const r = createRegistry(makeStore());
    await r.add(model('aaaa-1'));
    await expect(r.add(model('aaaa-1'))).rejects.toMatchObject({ code: 'duplicate_version' });
    await expect(r.activate('nope')).rejects.toMatchObject({ code: 'unknown_version' });
    await expect(r.add(model('../evil'))).rejects.toMatchObject({ code: 'bad_version' });
    await expect(r.modelJson('zzzz-9')).rejects.toMatchObject({ code: 'model_missing' });
    await expect(r.modelBytes('zzzz-9')).rejects.toMatchObject({ code: 'model_missing' });
    await expect(r.modelRef('zzzz-9')).rejects.toMatchObject({ code: 'model_missing' });
  });

  test('a model is read back as the UTF-8 bytes of its JSON, and handed to a worker as its file or those bytes', async () => {
    const r = createRegistry(makeStore());
    await r.add(model('aaaa-1'));
    const bytes = await r.modelBytes('aaaa-1');
    expect(new TextDecoder().decode(bytes)).toBe(model('aaaa-1').json);
    const ref = await r.modelRef('aaaa-1');
    const text = 'path' in ref ? readFileSync(ref.path, 'utf8') : new TextDecoder().decode(ref.json as Uint8Array);
    expect(text).toBe(model('aaaa-1').json);
  });

  test('two models added at the same moment are both kept', async () => {
    const r = createRegistry(makeStore());
    await Promise.all([r.add(model('aaaa-1')), r.add(model('bbbb-2', 'held'))]);
    expect((await r.list()).map((m) => m.version).sort()).toEqual(['aaaa-1', 'bbbb-2']);
  });
});

describe('model registry on disk', () => {
  test('survives a restart: models, figures and the current pointer are read back from data/models', async () => {
    const dir = tempDir();
    const first = createRegistry(createFileRegistryStore(dir));
    await first.add(model('aaaa-1'));
    await first.add(model('bbbb-2'));
    await first.activate('aaaa-1');
    const again = createRegistry(createFileRegistryStore(dir));
    expect((await again.current())?.version).toBe('aaaa-1');
    expect((await again.evaluation('bbbb-2'))?.accuracy).toBe(1);
    expect(readdirSync(join(dir, 'versions')).sort()).toEqual(['aaaa-1.eval.json', 'aaaa-1.model.json', 'bbbb-2.eval.json', 'bbbb-2.model.json']);
  });

  test("the first write after a start removes temp files of writers that are gone, never a live writer's", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'versions'), { recursive: true });
    // A pid that surely ran and exited: a child process that has finished.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = [`versions/.staged.${gone}.1700000000000.abc123.tmp`, `index.json.${gone}.1700000000000.x1y2z3.tmp`];
    const live = [`versions/.staged.${process.pid}.1700000000000.def456.tmp`, `versions/.staged.1.1700000000000.aaa111.tmp`];
    for (const f of [...stale, ...live]) writeFileSync(join(dir, f), 'partial');
    const r = createRegistry(createFileRegistryStore(dir));
    await r.add(model('aaaa-1'));
    for (const f of stale) expect(existsSync(join(dir, f))).toBe(false);
    for (const f of live) expect(existsSync(join(dir, f))).toBe(true);
    expect((await r.current())?.version).toBe('aaaa-1');
  });

  test('a stored model is handed to the worker as its file, never read by the chat thread', async () => {
    const dir = tempDir();
    const r = createRegistry(createFileRegistryStore(dir));
    await r.add(model('aaaa-1'));
    expect(await r.modelRef('aaaa-1')).toEqual({ path: join(dir, 'versions', 'aaaa-1.model.json') });
  });

  test('a change written by another process (npm run train) is seen on the next read', async () => {
    const dir = tempDir();
    const server = createRegistry(createFileRegistryStore(dir));
    await server.add(model('aaaa-1'));
    expect((await server.current())?.version).toBe('aaaa-1');
    await createRegistry(createFileRegistryStore(dir)).add(model('bbbb-2'));
    expect((await server.current())?.version).toBe('bbbb-2');
  });
});
