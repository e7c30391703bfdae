import { describe, expect, it } from 'vitest';
import { upToExtract } from './stages.js';

describe('extract stage', () => {
  it('keeps height and weight in canonical units for later turns', async () => {
    expect((await upToExtract('165cm 110斤穿什么码')).state.slots).toMatchObject({ height: 165, weight: 55 });
    const imperial = (await upToExtract("5'7 140lb what size")).state.slots;
    expect(imperial.height).toBeCloseTo(170, 0);
    expect(imperial.weight).toBeCloseTo(63.5, 1);
  });

  it('keeps the size a buyer usually wears apart from a size they ask about', async () => {
    expect((await upToExtract('平时穿M这款拿什么码')).state.slots.usualSize).toBe('M');
    const asked = await upToExtract('L码还有货吗');
    expect(asked.state.slots.size).toBe('L');
    expect(asked.state.slots.usualSize).toBeUndefined();
  });

  it('remembers the order number, the courier and the product in focus', async () => {
    const turn = await upToExtract('小白鞋 能发顺丰吗 订单号2024061812345678');
    expect(turn.state.slots).toMatchObject({ orderId: '2024061812345678', courier: 'sf' });
    expect(turn.state.productId).toBe('canvas-sneaker');
  });

  it('resolves a follow-up against the previous intent', async () => {
    const turn = await upToExtract('那白色呢', { lastIntents: ['color'] });
    expect(turn.intents).toEqual(['color']);
    expect(turn.via).toBe('followUp');
  });

  it('reads mood, tags, the buyer description and the pain point', async () => {
    const turn = await upToExtract('快递压坏了 气死我了 再不处理就给差评');
    expect(turn.mood).toBe('angry');
    expect(turn.tags?.map((t) => t.tag)).toContain('有过差评风险');
    expect(turn.buyerType?.angry).toBe(true);
    expect(turn.painPoint?.label).toBeTruthy();
  });

  it('gathers the chat’s tags once each across turns', async () => {
    const first = await upToExtract('170 60kg');
    const second = await upToExtract('170 60kg 穿什么码', { tags: first.state.tags });
    const names = second.state.tags.map((t) => t.tag);
    expect(names.filter((n) => n === '身高170')).toHaveLength(1);
  });

  it('notes a member level the buyer claims', async () => {
    expect((await upToExtract('我是VIP会员')).state.memberLevel).toBe('vip');
  });
});
