import { describe, expect, it } from 'vitest';
import type { Entity, IntentId } from '../../../src/intents/types.js';
import { looksLikeFollowUp, resolveFollowUp } from '../../../src/bot/pipeline/followUp.js';
import { newState, type Pending } from '../../../src/bot/session/state.js';
import { testShop } from '../helpers.js';

const shop = testShop();
const e = (kind: Entity['kind'], value: string | number): Entity => ({ kind, value, text: String(value), start: 0, end: 1 });

function resolve(text: string, model: IntentId, entities: Entity[], last: IntentId[], pending: Pending | null = null) {
  const state = { ...newState(null), lastIntents: last, pending };
  return resolveFollowUp({ intents: [model], via: 'model', entities, text, state, shop });
}

describe('follow-ups against the previous turn', () => {
  it('recognises the shape of a short follow-up', () => {
    for (const t of ['那白色呢', 'm码呢', '那顺丰呢', 'what about white', 'and sf express']) expect(looksLikeFollowUp(t)).toBe(true);
    for (const t of ['有黑色吗', '这件衣服洗了以后会不会缩水呢我很担心这个问题', 'do you have white']) expect(looksLikeFollowUp(t)).toBe(false);
  });

  it('continues the previous intent when it takes the subject (那白色呢 after colour, M码呢 after size)', () => {
    expect(resolve('那白色呢', 'farewell', [e('color', 'white')], ['color'])).toEqual({ intents: ['color'], via: 'followUp' });
    expect(resolve('m码呢', 'size', [e('size', 'M')], ['stock']).intents).toEqual(['stock']);
    expect(resolve('m码呢', 'stock', [e('size', 'M')], ['size']).intents).toEqual(['size']);
    expect(resolve('那顺丰呢', 'farewell', [e('courier', 'sf')], ['shipping']).intents).toEqual(['shipping']);
    expect(resolve('那广州呢', 'None', [], ['shipping']).intents).toEqual(['shipping']);
  });

  it('maps the subject to its own intent when the previous turn was about something else', () => {
    expect(resolve('m码呢', 'size', [e('size', 'M')], ['color']).intents).toEqual(['stock']);
    expect(resolve('那白色呢', 'farewell', [e('color', 'white')], ['shipping']).intents).toEqual(['color']);
    expect(resolve('那顺丰呢', 'farewell', [e('courier', 'sf')], []).intents).toEqual(['shipping']);
  });

  it('leaves a full question alone even when it names a colour', () => {
    expect(resolve('有黑色吗', 'color', [e('color', 'black')], ['shipping'])).toEqual({ intents: ['color'], via: 'model' });
  });

  it('reads a bare answer as the answer to what the bot asked for', () => {
    const body: Pending = { intent: 'size', slot: 'body' };
    expect(resolve('170 60', 'None', [e('height', 170), e('weight', 60)], ['size'], body)).toEqual({ intents: ['size'], via: 'pending' });
    const order: Pending = { intent: 'damage', slot: 'orderId' };
    expect(resolve('2024061812345678', 'None', [e('orderId', '2024061812345678')], ['damage'], order).intents).toEqual(['damage']);
    // Words around the number do not make it a new question, however the model classified them.
    const said = '订单号是3618492735516274810';
    const id = { kind: 'orderId' as const, value: '3618492735516274810', text: '3618492735516274810', start: 4, end: 23 };
    expect(resolve(said, 'tracking', [id], ['damage'], order)).toEqual({ intents: ['damage'], via: 'pending' });
    // A new question that happens to carry an order number is not an answer to the old one.
    expect(resolve('订单2024061812345678 可以开发票吗 电子的还是纸质的', 'invoice', [e('orderId', '2024061812345678')], ['damage'], order).intents)
      .toEqual(['invoice']);
  });
});
