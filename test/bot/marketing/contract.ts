/** What every TagStore must do; run against each adapter. */
import { describe, expect, it } from 'vitest';
import type { MarketingEvent, TagStore } from '../../../src/bot/marketing/types.js';

/** A tag event for buyer `b` at time `at`. */
export function tagEvent(buyerId: string, tag: string, at: number, extra: Partial<MarketingEvent> = {}): MarketingEvent {
  return { kind: 'tag', op: 'add', buyerId, sessionId: null, tag, source: 'rule', message: '', at, ...extra } as MarketingEvent;
}

async function all(store: TagStore): Promise<MarketingEvent[]> {
  const out: MarketingEvent[] = [];
  for await (const page of store.scan()) out.push(...page);
  return out;
}

/** The shared TagStore contract. */
export function tagStoreContract(name: string, make: () => Promise<TagStore>): void {
  describe(`${name} tag store`, () => {
    it('reads back every event in the order appended, across appends', async () => {
      const store = await make();
      await store.append([tagEvent('a', '母婴', 1), tagEvent('b', '学生', 2)]);
      await store.append([{ kind: 'turn', buyerId: 'a', sessionId: 's', intent: 'size', handoff: null, pain: null, at: 3 }]);
      await store.append([{ kind: 'followup', buyerId: 'a', step: 'coupon', by: 'ops', at: 4 }]);
      expect((await all(store)).map((e) => e.at)).toEqual([1, 2, 3, 4]);
      expect((await all(store))[2]).toEqual({ kind: 'turn', buyerId: 'a', sessionId: 's', intent: 'size', handoff: null, pain: null, at: 3 });
      await store.close();
    });

    it('keeps Chinese text, quotes and newlines in messages intact', async () => {
      const store = await make();
      const message = '身高170 "宽松"\n第二行，逗号';
      await store.append([tagEvent('a', '喜欢宽松', 1, { message } as Partial<MarketingEvent>)]);
      const [e] = await all(store);
      expect(e).toMatchObject({ tag: '喜欢宽松', message });
      await store.close();
    });

    it('does not let a caller change stored events through the object it appended', async () => {
      const store = await make();
      const e = tagEvent('a', '母婴', 1);
      await store.append([e]);
      (e as { tag: string }).tag = 'changed';
      expect((await all(store))[0]).toMatchObject({ tag: '母婴' });
      await store.close();
    });

    it('answers concurrent appends with every event stored once', async () => {
      const store = await make();
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.append([tagEvent(`b${i}`, 't', i)])));
      const seen = (await all(store)).map((e) => e.at).sort((x, y) => x - y);
      expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
      await store.close();
    });
  });
}
