import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newState } from '../../../src/bot/session/state.js';
import { createLowdbStore } from '../../../src/bot/store/lowdb.js';
import { chatStoreContract, historyWindowContract } from './contract.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-lowdb-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

chatStoreContract('lowdb', async () => createLowdbStore({ dir: await tempDir(), pageSize: 5 }));
historyWindowContract('lowdb', async () => createLowdbStore({ dir: await tempDir(), pageSize: 5 }));

describe('lowdb store on disk', () => {
  it('finds chats, state and history again after reopening the directory', async () => {
    const dir = await tempDir();
    const first = createLowdbStore({ dir, pageSize: 4 });
    const { id } = await first.create({ buyerId: 'b', createdAt: 9, state: newState('waffle-hoodie') });
    for (let i = 0; i < 10; i++) await first.append(id, [{ from: 'buyer', text: `m${i}`, at: i }]);
    await first.saveState(id, { ...newState('waffle-hoodie'), turns: 10 });
    await first.close();

    const second = createLowdbStore({ dir, pageSize: 4 });
    expect((await second.get(id))?.state.turns).toBe(10);
    await second.append(id, [{ from: 'bot', text: 'after reopen', at: 11 }]);
    const texts = (await second.history(id)).map((l) => l.text);
    expect(texts).toEqual([...Array.from({ length: 10 }, (_, i) => `m${i}`), 'after reopen']);
  });

  it('keeps one file per page so a write never rewrites the whole history', async () => {
    const dir = await tempDir();
    const store = createLowdbStore({ dir, pageSize: 10 });
    const { id } = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
    for (let i = 0; i < 35; i++) await store.append(id, [{ from: 'buyer', text: `m${i}`, at: i }]);
    const files = (await readdir(join(dir, 'chats', id.slice(0, 2), id))).filter((f) => f.startsWith('lines-')).sort();
    expect(files).toEqual(['lines-000000.json', 'lines-000001.json', 'lines-000002.json', 'lines-000003.json']);
    const last = JSON.parse(await readFile(join(dir, 'chats', id.slice(0, 2), id, 'lines-000003.json'), 'utf8'));
    expect(last.lines).toHaveLength(5);
  });

  it('records each new chat once in the append-only index', async () => {
    const dir = await tempDir();
    const store = createLowdbStore({ dir });
    const a = await store.create({ buyerId: 'x', createdAt: 1, state: newState(null) });
    const b = await store.create({ buyerId: 'y', createdAt: 2, state: newState(null) });
    const rows = (await readFile(join(dir, 'index.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([{ id: a.id, buyerId: 'x', createdAt: 1 }, { id: b.id, buyerId: 'y', createdAt: 2 }]);
  });

  it('loses no acknowledged line when the writing process is killed mid-write', async () => {
    const dir = await tempDir();
    const setup = createLowdbStore({ dir, pageSize: 7 });
    const { id } = await setup.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
    await setup.close();

    const script = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, id], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = -1;
    const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (_code, signal) => resolve(signal));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const last = chunk.trim().split('\n').at(-1);
      if (last) acknowledged = Number(last);
    });
    while (acknowledged < 20) await new Promise((r) => setTimeout(r, 5));
    // Aim the kill at the middle of a write: wait until lowdb's temp file exists, then kill at once.
    const chat = join(dir, 'chats', id.slice(0, 2), id);
    for (let tries = 0; tries < 2000; tries++) {
      if ((await readdir(chat)).some((f) => f.endsWith('.tmp'))) break;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const reopened = createLowdbStore({ dir, pageSize: 7 });
    const lines = await reopened.history(id);
    const numbers = lines.map((l) => Number(l.text.split(' ')[0]));
    expect(numbers.length).toBeGreaterThanOrEqual(acknowledged + 1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i));
    // The store keeps working after the crash.
    await reopened.append(id, [{ from: 'bot', text: 'still here', at: 1 }]);
    expect((await reopened.history(id)).at(-1)?.text).toBe('still here');
  });
});
