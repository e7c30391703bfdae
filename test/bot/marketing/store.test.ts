import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileTagStore } from '../../../src/bot/marketing/store/file.js';
import { createMemoryTagStore } from '../../../src/bot/marketing/store/memory.js';
import type { MarketingEvent, TagStore } from '../../../src/bot/marketing/types.js';
import { tagEvent, tagStoreContract } from './contract.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kefu-tags-'));
  dirs.push(dir);
  return join(dir, 'runtime', 'marketing', 'events.jsonl');
}
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

async function all(store: TagStore): Promise<MarketingEvent[]> {
  const out: MarketingEvent[] = [];
  for await (const page of store.scan()) out.push(...page);
  return out;
}

tagStoreContract('memory', async () => createMemoryTagStore());
tagStoreContract('file', async () => createFileTagStore({ file: await tempFile() }));
tagStoreContract('durable file', async () => createFileTagStore({ file: await tempFile(), durable: true }));

describe('file tag store on disk', () => {
  it('finds every event again after reopening the file', async () => {
    const file = await tempFile();
    const first = createFileTagStore({ file });
    await first.append([tagEvent('a', '母婴', 1), tagEvent('a', '学生', 2)]);
    await first.close();
    const second = createFileTagStore({ file });
    await second.append([tagEvent('b', '送礼', 3)]);
    expect((await all(second)).map((e) => (e as { tag: string }).tag)).toEqual(['母婴', '学生', '送礼']);
    await second.close();
  });

  it('only appends: the bytes already written stay as they were', async () => {
    const file = await tempFile();
    const store = createFileTagStore({ file });
    await store.append([tagEvent('a', '母婴', 1)]);
    const before = await readFile(file, 'utf8');
    await store.append([tagEvent('b', '学生', 2)]);
    const after = await readFile(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.split('\n').filter(Boolean)).toHaveLength(2);
    await store.close();
  });

  it('cuts off a torn last line on open, so the next event is not glued to it', async () => {
    const file = await tempFile();
    const store = createFileTagStore({ file });
    await store.append([tagEvent('a', '母婴', 1)]);
    await store.close();
    const whole = `${JSON.stringify(tagEvent('b', '学生', 2))}\n`;
    await appendFile(file, whole.slice(0, 25)); // a write cut short by a crash
    const reopened = createFileTagStore({ file });
    await reopened.append([tagEvent('c', '送礼', 3)]);
    expect((await all(reopened)).map((e) => e.buyerId)).toEqual(['a', 'c']);
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
    await reopened.close();
  });

  it('loses nothing but the torn last line when the writing process is killed mid-write', async () => {
    const file = await tempFile();
    const script = fileURLToPath(new URL('./fixtures/tag-writer.ts', import.meta.url));
    // 8 million characters a message: each write takes long enough (24 MB) to be killed halfway through.
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, '8000000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = -1;
    const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (_code, signal) => resolve(signal));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const last = chunk.trim().split('\n').at(-1);
      if (last) acknowledged = Number(last);
    });
    while (acknowledged < 2) await new Promise((r) => setTimeout(r, 5));
    // Kill the moment the next write starts to grow the file.
    const size = (await stat(file)).size;
    for (let tries = 0; tries < 100_000 && (await stat(file)).size === size; tries++);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const seenByParent = acknowledged;
    const raw = await readFile(file);
    expect(raw.at(-1)).not.toBe(0x0a); // the kill did land in the middle of a line

    const reopened = createFileTagStore({ file });
    const numbers = (await all(reopened)).map((e) => Number((e as { message: string }).message.split(' ')[0]));
    expect(numbers.length).toBeGreaterThanOrEqual(seenByParent + 1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i));
    await reopened.append([tagEvent('after', '母婴', 1)]);
    const after = await all(reopened);
    expect(after.map((e) => e.buyerId)).toEqual([...numbers.map((i) => `b${i}`), 'after']);
    await reopened.close();
  });
});

describe('file tag store opened read-only', () => {
  it('reads beside a writer without cutting the line the writer has not finished', async () => {
    const file = await tempFile();
    const writer = createFileTagStore({ file });
    await writer.append([tagEvent('a', '母婴', 1)]);
    const half = `${JSON.stringify(tagEvent('b', '学生', 2))}\n`.slice(0, 20);
    await appendFile(file, half); // the writer is in the middle of its next line
    const reader = createFileTagStore({ file, readOnly: true });
    expect((await all(reader)).map((e) => e.buyerId)).toEqual(['a']);
    await expect(reader.append([tagEvent('c', '送礼', 3)])).rejects.toThrow(/read-only/);
    expect((await readFile(file, 'utf8')).endsWith(half)).toBe(true);
    await reader.close();
    await writer.close();
  });

  it('reads a file that does not exist yet as empty, without creating it', async () => {
    const file = await tempFile();
    const reader = createFileTagStore({ file, readOnly: true });
    expect(await all(reader)).toEqual([]);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
