import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createJsonlInboxStore, createLowdbInboxStore, createMemoryInboxStore, type InboxItem, type InboxStore } from '../../../src/bot/inbox/index.js';
import { nextFlushDelay } from '../../../src/bot/inbox/lowdb.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const tempFile = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kefu-inbox-'));
  dirs.push(d);
  return join(d, 'runtime', 'inbox.json');
};

const item = (id: string, at = 1, status: InboxItem['status'] = 'open'): InboxItem => ({
  id, sessionId: 's1', text: `问题${id}`, norm: `问题${id}`, at, reasons: ['none'], intent: 'None', score: 0.9, modelVersion: 'v1', status,
});

const adapters: [string, () => InboxStore][] = [
  ['in memory', createMemoryInboxStore],
  ['on lowdb', () => createLowdbInboxStore({ file: tempFile(), flushMs: 5 })],
  ['on jsonl', () => createJsonlInboxStore({ file: `${tempFile()}l` })],
];

describe.each(adapters)('inbox store %s', (_name, make) => {
  test('items come back as added, oldest first, and can be filtered by status', async () => {
    const s = make();
    await s.add(item('a', 1));
    await s.add(item('b', 2, 'ignored'));
    expect((await s.list()).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await s.list({ status: 'open' })).map((i) => i.id)).toEqual(['a']);
    expect(await s.get('b')).toMatchObject({ id: 'b', status: 'ignored' });
    expect(await s.get('zzz')).toBeNull();
    await s.close();
  });

  test('an update changes the named items only and skips unknown ids', async () => {
    const s = make();
    await s.add(item('a'));
    await s.add(item('b'));
    const changed = await s.update(['b', 'nope'], (i) => { i.status = 'assigned'; i.resolvedTo = 'gift_wrap'; });
    expect(changed.map((i) => i.id)).toEqual(['b']);
    expect((await s.get('b'))?.resolvedTo).toBe('gift_wrap');
    expect((await s.get('a'))?.status).toBe('open');
    await s.close();
  });

  test('what a caller holds is a copy: changing it does not change the store', async () => {
    const s = make();
    const a = item('a');
    await s.add(a);
    a.text = 'changed';
    const got = (await s.get('a'))!;
    got.status = 'ignored';
    expect(await s.get('a')).toMatchObject({ text: '问题a', status: 'open' });
    await s.close();
  });
});

describe('inbox write pacing', () => {
  test('a new item waits the configured time while writes are cheap, and 40 times the last write once they are not', () => {
    expect(nextFlushDelay(200, 0)).toBe(200);
    expect(nextFlushDelay(200, 4)).toBe(200);
    expect(nextFlushDelay(200, 23)).toBe(920);
    expect(nextFlushDelay(200, 0.01)).toBe(200);
  });
});

describe('inbox store on lowdb', () => {
  test('items and decisions survive a restart', async () => {
    const file = tempFile();
    const first = createLowdbInboxStore({ file, flushMs: 5 });
    await first.add(item('a'));
    await first.add(item('b'));
    await first.update(['a'], (i) => { i.status = 'ignored'; });
    await first.close();
    const again = createLowdbInboxStore({ file });
    expect((await again.list()).map((i) => [i.id, i.status])).toEqual([['a', 'ignored'], ['b', 'open']]);
  });

  test('a burst of messages is written together once the flush delay has passed', async () => {
    const file = tempFile();
    const s = createLowdbInboxStore({ file, flushMs: 30 });
    for (let i = 0; i < 50; i += 1) await s.add(item(`m${i}`, i));
    await new Promise((r) => setTimeout(r, 120));
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { items: InboxItem[] };
    expect(onDisk.items).toHaveLength(50);
    await s.close();
  });

  test('the file is bounded: resolved items are dropped before open ones', async () => {
    const file = tempFile();
    const s = createLowdbInboxStore({ file, flushMs: 5, maxItems: 3 });
    await s.add(item('old-open', 1));
    await s.add(item('done', 2, 'assigned'));
    await s.add(item('new1', 3));
    await s.add(item('new2', 4));
    await s.close();
    const again = createLowdbInboxStore({ file });
    expect((await again.list()).map((i) => i.id)).toEqual(['old-open', 'new1', 'new2']);
  });
});

describe('inbox store on jsonl', () => {
  const jsonlFile = (): string => `${tempFile()}l`;
  const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

  test('items and decisions survive a restart, each one line appended, in the order first added', async () => {
    const file = jsonlFile();
    const first = createJsonlInboxStore({ file });
    await first.add(item('a'));
    await first.add(item('b'));
    await first.update(['a'], (i) => { i.status = 'ignored'; });
    expect(lines(file)).toHaveLength(3);
    await first.close();
    const again = createJsonlInboxStore({ file });
    expect((await again.list()).map((i) => [i.id, i.status])).toEqual([['a', 'ignored'], ['b', 'open']]);
    await again.close();
  });

  test('is bounded: resolved items are dropped before open ones, and stay dropped after a restart', async () => {
    const file = jsonlFile();
    const s = createJsonlInboxStore({ file, maxItems: 3 });
    await s.add(item('old-open', 1));
    await s.add(item('done', 2, 'assigned'));
    await s.add(item('new1', 3));
    await s.add(item('new2', 4));
    expect((await s.list()).map((i) => i.id)).toEqual(['old-open', 'new1', 'new2']);
    await s.add(item('new3', 5));
    expect((await s.list()).map((i) => i.id)).toEqual(['new1', 'new2', 'new3']);
    await s.close();
    const again = createJsonlInboxStore({ file, maxItems: 3 });
    expect((await again.list()).map((i) => i.id)).toEqual(['new1', 'new2', 'new3']);
    await again.close();
  });

  test('a line torn by a crash is skipped, cut off before the next append, and loses nothing else', async () => {
    const file = jsonlFile();
    const s = createJsonlInboxStore({ file });
    await s.add(item('a'));
    await s.close();
    appendFileSync(file, '{"item":{"id":"half","sess');
    const again = createJsonlInboxStore({ file });
    expect((await again.list()).map((i) => i.id)).toEqual(['a']);
    await again.add(item('b'));
    await again.close();
    expect(lines(file).map((l) => (JSON.parse(l) as { item: InboxItem }).item.id)).toEqual(['a', 'b']);
  });

  test('a file of many more lines than items is rewritten to one line per item when opened', async () => {
    const file = jsonlFile();
    const s = createJsonlInboxStore({ file });
    await s.add(item('a'));
    for (let n = 0; n < 150; n += 1) await s.update(['a'], (i) => { i.score = n; });
    await s.close();
    expect(lines(file)).toHaveLength(151);
    const again = createJsonlInboxStore({ file });
    expect(await again.get('a')).toMatchObject({ score: 149 });
    expect(lines(file)).toHaveLength(1);
    await again.close();
  });

  test("carries over the lowdb adapter's inbox.json once, when there is no inbox.jsonl yet", async () => {
    const legacyFile = tempFile();
    mkdirSync(join(legacyFile, '..'), { recursive: true });
    writeFileSync(legacyFile, JSON.stringify({ items: [item('x', 1, 'ignored'), item('y', 2)] }, null, 2));
    const file = `${legacyFile}l`;
    const s = createJsonlInboxStore({ file, legacyFile });
    expect((await s.list()).map((i) => [i.id, i.status])).toEqual([['x', 'ignored'], ['y', 'open']]);
    await s.update(['y'], (i) => { i.status = 'assigned'; });
    await s.close();
    // Next start reads inbox.jsonl, not the old file again.
    const again = createJsonlInboxStore({ file, legacyFile });
    expect((await again.get('y'))?.status).toBe('assigned');
    await again.close();
  });
});
