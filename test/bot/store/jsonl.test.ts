import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newState } from '../../../src/bot/session/state.js';
import { createJsonlStore } from '../../../src/bot/store/jsonl.js';
import type { ChatLine } from '../../../src/bot/types.js';
import { chatStoreContract, historyWindowContract } from './contract.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-jsonl-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

const chatFile = (dir: string, id: string) => join(dir, 'chats', id.slice(0, 2), `${id}.jsonl`);
const said = (i: number): ChatLine => ({ from: 'buyer', text: `m${i}`, at: i });

// Small memory bounds, so the contract also runs through reads that go back to the files.
chatStoreContract('jsonl', async () => createJsonlStore({ dir: await tempDir(), maxChats: 1, tailLines: 4 }));
historyWindowContract('jsonl', async () => createJsonlStore({ dir: await tempDir(), tailLines: 4 }));
chatStoreContract('jsonl (roomy memory)', async () => createJsonlStore({ dir: await tempDir() }));

describe('jsonl store on disk', () => {
  it('finds chats, state and history again after reopening the directory', async () => {
    const dir = await tempDir();
    const first = createJsonlStore({ dir });
    const { id } = await first.create({ buyerId: 'b', createdAt: 9, state: newState('waffle-hoodie') });
    for (let i = 0; i < 10; i++) await first.append(id, [said(i)]);
    await first.saveState(id, { ...newState('waffle-hoodie'), turns: 10 });
    await first.close();

    const second = createJsonlStore({ dir, tailLines: 3 });
    expect((await second.get(id))?.state.turns).toBe(10);
    expect((await second.get(id))?.createdAt).toBe(9);
    await second.append(id, [{ from: 'bot', text: 'after reopen', at: 11 }]);
    expect((await second.history(id)).map((l) => l.text)).toEqual([...Array.from({ length: 10 }, (_, i) => `m${i}`), 'after reopen']);
    expect((await second.history(id, { last: 2 })).map((l) => l.text)).toEqual(['m9', 'after reopen']);
    expect(await second.countChats('b')).toBe(1);
    await second.create({ buyerId: 'b', createdAt: 12, state: newState(null) });
    expect(await second.countChats('b')).toBe(2);
  });

  it('writes a turn\'s lines and state made together as one appended record', async () => {
    const dir = await tempDir();
    const store = createJsonlStore({ dir });
    const { id } = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
    const before = (await readFile(chatFile(dir, id), 'utf8')).split('\n').length;
    await Promise.all([store.append(id, [said(0), said(1)]), store.saveState(id, { ...newState(null), turns: 1 })]);
    const rows = (await readFile(chatFile(dir, id), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(before);
    expect(rows.at(-1)).toEqual({ lines: [said(0), said(1)], state: { ...newState(null), turns: 1 } });
  });

  it('keeps only a bounded number of chats in memory and reads the others back from their files', async () => {
    const dir = await tempDir();
    const store = createJsonlStore({ dir, maxChats: 2, tailLines: 2 });
    const ids: string[] = [];
    for (let c = 0; c < 6; c++) {
      const { id } = await store.create({ buyerId: `b${c}`, createdAt: c, state: newState(null) });
      ids.push(id);
      for (let i = 0; i < 5; i++) await store.append(id, [said(c * 10 + i)]);
      await new Promise((r) => setImmediate(r));
    }
    for (const [c, id] of ids.entries()) {
      expect((await store.get(id))?.buyerId).toBe(`b${c}`);
      expect((await store.history(id)).map((l) => l.at)).toEqual([0, 1, 2, 3, 4].map((i) => c * 10 + i));
      await store.append(id, [said(99)]);
      expect((await store.history(id, { last: 2 })).map((l) => l.at)).toEqual([c * 10 + 4, 99]);
    }
  });

  it('records each new chat once in the append-only index', async () => {
    const dir = await tempDir();
    const store = createJsonlStore({ dir });
    const a = await store.create({ buyerId: 'x', createdAt: 1, state: newState(null) });
    const b = await store.create({ buyerId: 'y', createdAt: 2, state: newState(null) });
    const rows = (await readFile(join(dir, 'index.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([{ id: a.id, buyerId: 'x', createdAt: 1 }, { id: b.id, buyerId: 'y', createdAt: 2 }]);
  });

  it('ignores a torn last record and does not glue the next one to it', async () => {
    const dir = await tempDir();
    const first = createJsonlStore({ dir });
    const { id } = await first.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
    await first.append(id, [said(0)]);
    await first.close();
    // What a process killed in the middle of a write leaves behind: half a record, no newline.
    await appendFile(chatFile(dir, id), '{"lines":[{"from":"buyer","text":"m1","a');

    const second = createJsonlStore({ dir });
    expect((await second.history(id)).map((l) => l.text)).toEqual(['m0']);
    await second.append(id, [said(2)]);
    await second.close();
    const third = createJsonlStore({ dir });
    expect((await third.history(id)).map((l) => l.text)).toEqual(['m0', 'm2']);
  });

  it('loses no acknowledged line when the writing process is killed mid-write', async () => {
    const dir = await tempDir();
    const setup = createJsonlStore({ dir });
    const { id } = await setup.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
    await setup.close();

    const script = fileURLToPath(new URL('./fixtures/jsonl-writer.ts', import.meta.url));
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
    while (acknowledged < 5) await new Promise((r) => setTimeout(r, 5));
    // Aim the kill at the middle of a write: wait until the file grows (a record of 8 MB is on its way), then kill.
    const file = chatFile(dir, id);
    const whole = (await stat(file)).size;
    for (let tries = 0; tries < 2000; tries++) {
      if ((await stat(file)).size !== whole) break;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const reopened = createJsonlStore({ dir });
    const numbers = (await reopened.history(id)).map((l) => Number(l.text.split(' ')[0]));
    expect(numbers.length).toBeGreaterThanOrEqual(acknowledged + 1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i));
    // The store keeps working after the crash.
    await reopened.append(id, [{ from: 'bot', text: 'still here', at: 1 }]);
    expect((await reopened.history(id)).at(-1)?.text).toBe('still here');
  });
});
