import { describe, expect, test } from 'vitest';
import { judgeTurn, saysNotWhatIAsked } from '../../../src/bot/inbox/detect.js';
import { normalise } from '../../../src/intents/normalise.js';
import type { Classification, IntentId } from '../../../src/intents/types.js';
import type { Decision, Turn } from '../../../src/bot/types.js';

function turn(raw: string, intent: IntentId, score: number, decision: Decision, extra: Partial<Turn> = {}): Turn {
  const classification: Classification = { intent, score, ranking: [{ intent, score }], ambiguous: false };
  return { sessionId: 's', buyerId: 'b', raw, at: 0, norm: normalise(raw), classification, decision, ...extra };
}

describe('what goes to the misunderstood inbox', () => {
  test.each([
    '不是这个意思', '你这答非所问啊', '我不是问这个', '我问的不是发货', '你根本没听懂', '牛头不对马嘴', '不是這個意思', '答非所問',
    "that's not what i asked", 'Not what I meant', 'you did not understand me', 'that does not answer my question',
  ])('"%s" says the last answer missed', (text) => {
    expect(saysNotWhatIAsked(normalise(text).text)).toBe(true);
  });

  test.each(['说明书没看懂', '这个意思是包邮吗', '我问一下发货时间', '不是这个颜色 是黑色', 'what do you mean by free shipping'])(
    '"%s" is an ordinary message, not a complaint about the answer', (text) => {
      expect(saysNotWhatIAsked(normalise(text).text)).toBe(false);
    },
  );

  test('a message the bot did not understand goes in as None, also when it ends in a handoff for that', () => {
    expect(judgeTurn(turn('今天天气怎么样', 'None', 0.9, { kind: 'clarify' })).self).toEqual(['none']);
    expect(judgeTurn(turn('啥', 'None', 0.4, { kind: 'handoff', reason: 'not_understood_twice' })).self).toEqual(['none']);
  });

  test('an answer given with a low score, or between two close intents, goes in as low confidence', () => {
    expect(judgeTurn(turn('有沒有海外直郵', 'shipping', 0.58, { kind: 'answer', intents: ['shipping'] })).self).toEqual(['low_confidence']);
    const close = turn('送的赠品在哪', 'wrong_item', 0.9, { kind: 'ask', intent: 'wrong_item', slot: 'orderId' });
    close.classification!.ambiguous = true;
    expect(judgeTurn(close).self).toEqual(['low_confidence']);
  });

  test('a confident answer stays out, and so does a message split into several confident questions', () => {
    expect(judgeTurn(turn('可以开发票吗', 'invoice', 0.97, { kind: 'answer', intents: ['invoice'] })).self).toEqual([]);
    const multi = turn('有黑色吗 什么时候发货', 'color', 0.45, { kind: 'answer', intents: ['color', 'shipping'] }, { extraIntents: ['shipping'] });
    expect(judgeTurn(multi).self).toEqual([]);
  });

  test('asking for a person or getting angry marks the message before; a complaint handoff does not', () => {
    expect(judgeTurn(turn('转人工', 'human', 0.99, { kind: 'handoff', reason: 'asked_for_human' })).previous).toEqual(['handoff']);
    expect(judgeTurn(turn('气死了', 'complaint', 0.9, { kind: 'handoff', reason: 'angry' })).previous).toEqual(['handoff']);
    expect(judgeTurn(turn('快递员态度很差', 'complaint', 0.9, { kind: 'handoff', reason: 'complaint' })).previous).toEqual([]);
    expect(judgeTurn(turn('订单123 破了', 'damage', 0.9, { kind: 'handoff', reason: 'compensation' })).previous).toEqual([]);
  });

  test('"not what I asked" marks the message before and is not itself a new question, even when it hands off', () => {
    const v = judgeTurn(turn('答非所问 转人工', 'human', 0.8, { kind: 'handoff', reason: 'asked_for_human' }));
    expect(v).toEqual({ self: [], previous: ['not_what_i_asked', 'handoff'] });
    expect(judgeTurn(turn('不是这个意思', 'None', 0.9, { kind: 'clarify' }))).toEqual({ self: [], previous: ['not_what_i_asked'] });
  });
});
