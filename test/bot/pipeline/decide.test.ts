import { describe, expect, it } from 'vitest';
import { upToDecide } from './stages.js';

describe('decide stage', () => {
  it('answers a plain question', async () => {
    expect((await upToDecide('可以开发票吗')).decision).toEqual({ kind: 'answer', intents: ['invoice'] });
  });

  it('asks for height and weight when a size question comes without them', async () => {
    const turn = await upToDecide('这件怎么选尺码');
    expect(turn.decision).toEqual({ kind: 'ask', intent: 'size', slot: 'body' });
    expect(turn.state.pending).toEqual({ intent: 'size', slot: 'body' });
  });

  it('asks for foot length for shoes, and answers once measurements are known', async () => {
    expect((await upToDecide('小白鞋怎么选码')).decision).toEqual({ kind: 'ask', intent: 'size', slot: 'foot' });
    expect((await upToDecide('170 60kg穿什么码')).decision).toEqual({ kind: 'answer', intents: ['size'] });
  });

  it('hands off when the buyer asks for a person', async () => {
    expect((await upToDecide('转人工')).decision).toEqual({ kind: 'handoff', reason: 'asked_for_human' });
  });

  it('hands off complaints and bad-review threats with their own reasons', async () => {
    expect((await upToDecide('你们客服态度太差了')).decision).toMatchObject({ kind: 'handoff', reason: 'complaint' });
    expect((await upToDecide('不给我解决我就给差评')).decision).toMatchObject({ kind: 'handoff', reason: 'bad_review_threat' });
  });

  it('asks for the order number and a photo before handing damage to a person, then hands off for compensation', async () => {
    const first = await upToDecide('快递压坏了');
    expect(first.decision).toEqual({ kind: 'ask', intent: 'damage', slot: 'orderId' });
    expect(first.state).toMatchObject({ photoAsked: true, orderAsked: true, handoff: null });
    const second = await upToDecide('2024061812345678', first.state);
    expect(second.decision).toEqual({ kind: 'handoff', reason: 'compensation', detail: 'damage' });
    expect(second.state.handoff).toMatchObject({ reason: 'compensation' });
  });

  it('treats a disputed refund as money to decide, but a refund timing question as a question', async () => {
    expect((await upToDecide('退款被拒了 订单号2024061812345678')).decision).toMatchObject({ kind: 'handoff', reason: 'compensation', detail: 'refund' });
    expect((await upToDecide('退款什么时候到账')).decision).toEqual({ kind: 'answer', intents: ['refund'] });
  });

  it('clarifies once, and hands off on the second misunderstanding in a row', async () => {
    const first = await upToDecide('今天天气怎么样');
    expect(first.decision).toEqual({ kind: 'clarify' });
    expect(first.state.notUnderstood).toBe(1);
    const second = await upToDecide('帮我写首诗', first.state);
    expect(second.decision).toEqual({ kind: 'handoff', reason: 'not_understood_twice' });
  });

  it('resets the misunderstanding streak when a message is understood', async () => {
    const turn = await upToDecide('可以开发票吗', { notUnderstood: 1 });
    expect(turn.state.notUnderstood).toBe(0);
  });

  it('follows the store’s rules: VIP buyers always go to a person', async () => {
    const turn = await upToDecide('我是VIP 想问下发货');
    expect(turn.decision).toMatchObject({ kind: 'handoff', reason: 'store_rule', detail: 'VIP 买家由专属客服全程接待' });
  });

  it('does not queue a chat again once it is with a person, but still answers', async () => {
    const turn = await upToDecide('你们客服态度太差了', { handoff: { reason: 'complaint', at: 1 } });
    expect(turn.decision?.kind).toBe('answer');
  });
});
