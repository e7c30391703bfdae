import { describe, expect, it } from 'vitest';
import { makeClassify } from '../../../src/bot/pipeline/classify.js';
import { makeNormalise } from '../../../src/bot/pipeline/normalise.js';
import { bareTurn, testNlu } from '../helpers.js';

const nlu = await testNlu();
const classify = async (raw: string) => makeClassify({ nlu })(await makeNormalise({ nlu })(bareTurn(raw)));

describe('classify stage', () => {
  it('gives one intent for a one-question message', async () => {
    const turn = await classify('可以开发票吗');
    expect(turn.intents).toEqual(['invoice']);
    expect(turn.classification?.intent).toBe('invoice');
    expect(turn.extraIntents).toEqual([]);
  });

  it('gives every intent of a message that asks two things, the first one first', async () => {
    const turn = await classify('有黑色吗 下单后多久发货');
    expect(turn.intents).toEqual(['color', 'shipping']);
    expect(turn.extraIntents).toEqual(['shipping']);
    expect(turn.via).toBe('clauses');
  });

  it('answers two clauses about one after-sale problem once, not as damage and quality both', async () => {
    const turn = await classify('收到的衣服破了个洞 快递盒也烂了');
    const problems = turn.intents.filter((i) => ['damage', 'quality', 'wrong_item'].includes(i));
    expect(problems).toHaveLength(1);
  });

  it('classifies a one-clause message once, with the same result as classifying it whole', async () => {
    let calls = 0;
    const counting = { ...nlu, classify: (norm: Parameters<typeof nlu.classify>[0]) => { calls += 1; return nlu.classify(norm); } };
    const turn = makeClassify({ nlu: counting })(await makeNormalise({ nlu })(bareTurn('这件卫衣有黑色吗'))) as Awaited<ReturnType<typeof classify>>;
    expect(calls).toBe(0);
    expect(turn.classification).toEqual(nlu.classify(turn.norm!));
    const two = makeClassify({ nlu: counting })(await makeNormalise({ nlu })(bareTurn('有黑色吗 下单后多久发货'))) as Awaited<ReturnType<typeof classify>>;
    expect(calls).toBe(1);
    expect(two.classification).toEqual(nlu.classify(two.norm!));
  });

  it('says None for what a store chat is not for', async () => {
    expect((await classify('今天天气怎么样')).intents).toEqual(['None']);
  });
});
