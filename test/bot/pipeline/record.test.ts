import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../src/bot/pipeline/record.js';
import { newState } from '../../../src/bot/session/state.js';
import { createMemoryStore } from '../../../src/bot/store/memory.js';
import { bareTurn } from '../helpers.js';

async function recorded(decision: NonNullable<ReturnType<typeof bareTurn>['decision']>) {
  const store = createMemoryStore();
  const { id } = await store.create({ buyerId: 'b', createdAt: 1, state: newState(null) });
  const turn = { ...bareTurn('有黑色吗', { lastIntents: ['size'] }), sessionId: id, intents: ['color' as const], decision,
    replies: [{ text: '有的亲', intent: 'color' as const, quickReplies: ['怎么选尺码'] }] };
  await makeRecord({ store })(turn);
  return { store, id };
}

describe('record stage', () => {
  it('stores the buyer line and each bot line with intent and time, and saves the state', async () => {
    const { store, id } = await recorded({ kind: 'answer', intents: ['color'] });
    expect(await store.history(id)).toEqual([
      { from: 'buyer', text: '有黑色吗', at: expect.any(Number), intent: 'color' },
      { from: 'bot', text: '有的亲', at: expect.any(Number), intent: 'color' },
    ]);
    const state = (await store.get(id))!.state;
    expect(state.turns).toBe(1);
    expect(state.lastIntents).toEqual(['color']);
  });

  it('leaves the topic as it was after a message the bot did not understand', async () => {
    const { store, id } = await recorded({ kind: 'clarify' });
    expect((await store.get(id))!.state.lastIntents).toEqual(['size']);
  });
});
