import { describe, expect, it } from 'vitest';
import { openMarketing } from '../../../src/bot/marketing/index.js';
import { tagObserver } from '../../../src/bot/marketing/observer.js';
import { createMemoryTagStore } from '../../../src/bot/marketing/store/memory.js';
import type { TagStore } from '../../../src/bot/marketing/types.js';
import { bareTurn } from '../helpers.js';

describe('the turn observer', () => {
  it('updates the log’s view before it returns, so the next turn of the chat sees it', async () => {
    const marketing = await openMarketing({ store: createMemoryTagStore() });
    const turn = { ...bareTurn('宝宝穿'), tags: [{ tag: '母婴', source: 'rule' as const }] };
    void tagObserver(marketing, () => {})(turn);
    expect(marketing.profile('b')?.tags.map((t) => t.tag)).toEqual(['母婴']);
  });

  it('reports a failed write instead of failing the buyer’s turn', async () => {
    const broken: TagStore = { append: () => Promise.reject(new Error('disk full')), async *scan() {}, close: async () => {} };
    const marketing = await openMarketing({ store: broken });
    const logged: string[] = [];
    const done = new Promise<void>((resolve) => {
      const observe = tagObserver(marketing, (m, err) => { logged.push(`${m}: ${String(err)}`); resolve(); });
      expect(() => observe({ ...bareTurn('hi'), tags: [] })).not.toThrow();
    });
    await done;
    expect(logged).toEqual([expect.stringMatching(/could not write the tags of chat .*disk full/)]);
  });
});
