import { describe, expect, it } from 'vitest';
import { makeRespond, MAX_REPLIES, plan } from '../../../src/bot/pipeline/respond.js';
import { testBook, testShop } from '../helpers.js';
import { upToDecide } from './stages.js';

const shop = testShop();
const respond = makeRespond({ shop, book: testBook() });

describe('respond stage', () => {
  it('plans one reply per intent, and a handoff reply that a person is coming', () => {
    expect(plan({ kind: 'answer', intents: ['color', 'shipping'] }, ['color', 'shipping'])).toEqual(['color', 'shipping']);
    expect(plan({ kind: 'clarify' }, ['None'])).toEqual(['None']);
    expect(plan({ kind: 'handoff', reason: 'store_rule' }, ['shipping'])).toEqual(['shipping', 'human']);
    expect(plan({ kind: 'handoff', reason: 'bad_review_threat' }, ['farewell'])).toEqual(['complaint']);
    expect(plan({ kind: 'handoff', reason: 'angry' }, ['tracking'])).toEqual(['complaint', 'tracking']);
    expect(plan({ kind: 'handoff', reason: 'compensation' }, ['damage'])).toEqual(['damage']);
    const many = plan({ kind: 'handoff', reason: 'asked_for_human' }, ['color', 'size', 'stock', 'invoice', 'human']);
    expect(many).toHaveLength(MAX_REPLIES);
    expect(many.at(-1)).toBe('human');
  });

  it('fills the answer from the store data and the buyer’s facts', async () => {
    const turn = await respond(await upToDecide('170 60kg穿什么码'));
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies![0]).toMatchObject({ intent: 'size' });
    expect(turn.replies![0]!.text).toMatch(/170cm.*60kg.*M 码/);
    expect(turn.replies![0]!.quickReplies).toEqual(shop.quickReplies.next.size!.map((q) => q.zh));
  });

  it('writes traditional Chinese for a traditional-Chinese buyer, quick replies included', async () => {
    const turn = await respond(await upToDecide('可以開發票嗎'));
    expect(turn.replies![0]!.text).toContain('發票');
    expect(turn.replies![0]!.text).not.toContain('发票');
    expect(turn.replies![0]!.quickReplies).toContain('能開專票嗎');
  });

  it('writes English for an English buyer', async () => {
    const turn = await respond(await upToDecide('can i get an invoice'));
    expect(turn.replies![0]!.text).toMatch(/invoice/i);
    expect(turn.replies![0]!.text).not.toMatch(/\p{Script=Han}/u);
    expect(turn.replies![0]!.quickReplies.every((q) => !/\p{Script=Han}/u.test(q))).toBe(true);
  });
});
