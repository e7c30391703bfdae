import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLowdbHandoffStore } from '../../../src/bot/handoff/store/lowdb.js';
import { createMemoryHandoffStore } from '../../../src/bot/handoff/store/memory.js';
import type { HandoffStore } from '../../../src/bot/handoff/store/types.js';
import type { HandoffRecord } from '../../../src/bot/handoff/types.js';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const record = (n: number, status: HandoffRecord['status']): HandoffRecord => ({
  id: ID(n), sessionId: ID(100 + n), status, urgency: 2, createdAt: n, note: {} as HandoffRecord['note'],
  transcript: [{ from: 'buyer', text: `line ${n}`, at: n }], buyerMessages: 0, repTags: [], privateNote: '', script: 'hans',
});

function contract(name: string, make: () => HandoffStore) {
  describe(`${name} handoff store`, () => {
    it('returns open handoffs only, and any one by id', async () => {
      const store = make();
      await store.put(record(1, 'queued'));
      await store.put(record(2, 'claimed'));
      await store.put(record(3, 'closed'));
      expect((await store.open()).map((r) => r.id).sort()).toEqual([ID(1), ID(2)]);
      expect((await store.get(ID(3)))?.status).toBe('closed');
      expect(await store.get(ID(9))).toBeNull();
      expect(await store.get('../../etc/passwd')).toBeNull();
    });

    it('keeps the latest version of a record, and a closed one leaves the open list', async () => {
      const store = make();
      await store.put(record(1, 'queued'));
      await store.put({ ...record(1, 'claimed'), rep: { user: 'amy', name: 'Amy' } });
      expect((await store.open())[0]?.rep?.user).toBe('amy');
      await store.put(record(1, 'closed'));
      expect(await store.open()).toEqual([]);
    });

    it('copies records in and out, so changing one after put changes nothing stored', async () => {
      const store = make();
      const r = record(1, 'queued');
      await store.put(r);
      r.transcript.push({ from: 'rep', text: 'x', at: 2 });
      expect((await store.get(ID(1)))?.transcript).toHaveLength(1);
    });
  });
}

contract('memory', createMemoryHandoffStore);
const dirs: string[] = [];
contract('lowdb', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handoffs-'));
  dirs.push(dir);
  return createLowdbHandoffStore({ dir });
});

describe('lowdb handoff store on disk', () => {
  it('finds open handoffs again from a fresh store on the same directory, as after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoffs-'));
    const first = createLowdbHandoffStore({ dir });
    await first.put(record(1, 'queued'));
    await first.put({ ...record(2, 'claimed'), rep: { user: 'amy', name: 'Amy' } });
    await first.put(record(3, 'closed'));
    await first.close();
    const second = createLowdbHandoffStore({ dir });
    const open = await second.open();
    expect(open.map((r) => [r.id, r.status, r.rep?.user]).sort()).toEqual([[ID(1), 'queued', undefined], [ID(2), 'claimed', 'amy']]);
    expect(readdirSync(join(dir, 'closed'))).toEqual([`${ID(3)}.json`]);
    expect(readdirSync(join(dir, 'open')).sort()).toEqual([`${ID(1)}.json`, `${ID(2)}.json`]);
  });

  it('stores the newest of a burst of updates, and every put of the burst resolves once it is on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoffs-'));
    const store = createLowdbHandoffStore({ dir });
    const puts = Array.from({ length: 30 }, (_, i) => store.put({ ...record(1, 'queued'), buyerMessages: i }));
    await Promise.all(puts);
    const reopened = createLowdbHandoffStore({ dir });
    expect((await reopened.get(ID(1)))?.buyerMessages).toBe(29);
    await store.put({ ...record(1, 'closed'), buyerMessages: 30 });
    expect(await createLowdbHandoffStore({ dir }).open()).toEqual([]);
    expect((await createLowdbHandoffStore({ dir }).get(ID(1)))?.buyerMessages).toBe(30);
  });

  it('refuses to write a record whose id could be a path', async () => {
    const store = createLowdbHandoffStore({ dir: mkdtempSync(join(tmpdir(), 'handoffs-')) });
    await expect(store.put({ ...record(1, 'queued'), id: '../escape' })).rejects.toThrow(/malformed/);
  });
});
