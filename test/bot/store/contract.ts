/** The ChatStore contract, run against every adapter. */
import { describe, expect, it } from 'vitest';
import { newState } from '../../../src/bot/session/state.js';
import type { ChatStore } from '../../../src/bot/store/types.js';
import type { ChatLine } from '../../../src/bot/types.js';

const line = (i: number): ChatLine => ({ from: i % 2 ? 'bot' : 'buyer', text: `line ${i}`, at: 1000 + i, intent: 'size' });

/** Declares the shared tests; `make` returns a fresh store. */
export function chatStoreContract(name: string, make: () => Promise<ChatStore>): void {
  describe(`${name} store contract`, () => {
    it('creates chats with distinct random uuid ids', async () => {
      const store = await make();
      const a = await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      const b = await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a.id).not.toBe(b.id);
    });

    it('counts the chats each buyer has started', async () => {
      const store = await make();
      expect(await store.countChats('b1')).toBe(0);
      await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      await store.create({ buyerId: 'b1', createdAt: 2, state: newState(null) });
      await store.create({ buyerId: 'b2', createdAt: 3, state: newState(null) });
      expect(await store.countChats('b1')).toBe(2);
      expect(await store.countChats('b2')).toBe(1);
      expect(await store.countChats('b3')).toBe(0);
    });

    it('counts a chat once when it is created before any count was asked for', async () => {
      const store = await make();
      await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      expect(await store.countChats('b1')).toBe(1);
    });

    it('returns null for unknown, malformed and path-like ids', async () => {
      const store = await make();
      await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      for (const id of ['', 'abc', '../../etc/passwd', '00000000-0000-4000-8000-000000000000', 'a'.repeat(5000)]) {
        expect(await store.get(id)).toBeNull();
        expect(await store.history(id)).toEqual([]);
      }
    });

    it('refuses to append to a chat that does not exist', async () => {
      const store = await make();
      await expect(store.append('00000000-0000-4000-8000-000000000000', [line(0)])).rejects.toMatchObject({ code: 'SESSION_UNKNOWN' });
      await expect(store.append('../x', [line(0)])).rejects.toMatchObject({ code: 'SESSION_UNKNOWN' });
      await expect(store.saveState('../x', newState(null))).rejects.toMatchObject({ code: 'SESSION_UNKNOWN' });
      await expect(store.saveState('00000000-0000-4000-8000-000000000000', newState(null))).rejects.toMatchObject({ code: 'SESSION_UNKNOWN' });
    });

    it('keeps lines in order across many appends and page turns', async () => {
      const store = await make();
      const { id } = await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      await store.append(id, [line(0), line(1), line(2)]);
      for (let i = 3; i < 40; i++) await store.append(id, [line(i)]);
      const lines = await store.history(id);
      expect(lines.map((l) => l.text)).toEqual(Array.from({ length: 40 }, (_, i) => `line ${i}`));
    });

    it('keeps its lines to itself: changing what was appended or read back does not change the chat', async () => {
      const store = await make();
      const { id } = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
      const appended = [line(0), line(1)];
      await store.append(id, appended);
      appended[0]!.text = 'changed after append';
      const read = await store.history(id, { last: 2 });
      // A store may hand out copies or frozen lines (a change then throws); either way the chat keeps what was said.
      try { read[1]!.text = 'changed after read'; } catch { /* a frozen line refuses the change */ }
      expect((await store.history(id)).map((l) => l.text)).toEqual(['line 0', 'line 1']);
    });

    it('keeps each chat to itself', async () => {
      const store = await make();
      const a = await store.create({ buyerId: 'a', createdAt: 1, state: newState(null) });
      const b = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
      await store.append(a.id, [line(0)]);
      expect(await store.history(b.id)).toEqual([]);
      expect((await store.get(b.id))?.buyerId).toBe('b');
    });

    it('saves and returns the session state', async () => {
      const store = await make();
      const { id } = await store.create({ buyerId: 'b1', createdAt: 5, state: newState('p1') });
      const state = { ...newState('p1'), notUnderstood: 1, slots: { height: 170, weight: 60 } };
      await store.saveState(id, state);
      const got = await store.get(id);
      expect(got?.state.slots).toEqual({ height: 170, weight: 60 });
      expect(got?.state.notUnderstood).toBe(1);
      expect(got?.createdAt).toBe(5);
    });

    it('serialises concurrent appends to the same chat without losing any', async () => {
      const store = await make();
      const { id } = await store.create({ buyerId: 'b1', createdAt: 1, state: newState(null) });
      await Promise.all(Array.from({ length: 25 }, (_, i) => store.append(id, [line(i)])));
      const texts = (await store.history(id)).map((l) => l.text).sort();
      expect(texts).toEqual(Array.from({ length: 25 }, (_, i) => `line ${i}`).sort());
    });
  });
}

/** Tests of history's `last` option, shared by the adapters. */
export function historyWindowContract(name: string, make: () => Promise<ChatStore>): void {
  describe(`${name} store history window`, () => {
    it('returns only the newest lines when asked for the last few', async () => {
      const store = await make();
      const { id } = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
      for (let i = 0; i < 23; i++) await store.append(id, [line(i)]);
      expect((await store.history(id, { last: 7 })).map((l) => l.text)).toEqual(Array.from({ length: 7 }, (_, i) => `line ${16 + i}`));
      expect(await store.history(id, { last: 0 })).toEqual([]);
      expect(await store.history(id, { last: 100 })).toHaveLength(23);
    });
  });
}
