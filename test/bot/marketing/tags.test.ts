import { describe, expect, it } from 'vitest';
import type { TagEvent } from '../../../src/bot/marketing/types.js';
import { rig, tagsOf } from './helpers.js';

async function logged(messages: string[]) {
  const r = await rig();
  const turns = await r.chat(messages);
  const buyerId = turns[0]!.buyerId;
  const events: TagEvent[] = [];
  for await (const chunk of r.marketing.exportChunks('events', 'json')) events.push(...(JSON.parse(chunk) as TagEvent[]));
  return { tags: tagsOf(r.marketing, buyerId), turns, marketing: r.marketing, buyerId };
}

describe('tags a chat leaves behind, through the real model and trainer rules', () => {
  it.each([
    ['zh-Hans', ['身高170体重60kg穿什么码', '平时穿M，想要黑色的']],
    ['zh-Hant', ['身高170體重60公斤穿什麼碼', '我平時穿M 想要黑色']],
    ['en', ["I'm 170cm 60kg, what size?", 'i usually wear M, do you have it in black?']],
  ])('records body facts and preferences in %s', async (_script, messages) => {
    const { tags } = await logged(messages);
    expect(tags).toEqual(expect.arrayContaining(['身高170', '体重60kg', '平时穿M', '偏好黑色', '有过下单咨询', '咨询尺码']));
  });

  it.each([
    ['zh-Hans', '女朋友过生日，想买一件送她，推荐哪款', '送女友'],
    ['zh-Hant', '女朋友過生日，想買一件送她，推薦哪款', '送女友'],
    ['en', 'any recommendation for a birthday gift for my girlfriend', '送女友'],
    ['zh-Hans', '送我爸的父亲节礼物推荐一下', '送父亲'],
    ['zh-Hant', '送我爸的父親節禮物推薦一下', '送父亲'],
    ['en', 'recommend a gift for my dad', '送父亲'],
  ])('records the gift scene and the recipient in %s: %s', async (_script, message, recipient) => {
    const { tags } = await logged([message]);
    expect(tags).toEqual(expect.arrayContaining(['送礼', recipient, '咨询推荐']));
  });

  it.each([
    ['zh-Hans', '想要宽松一点的，有黑色吗'],
    ['zh-Hant', '想要寬鬆一點的，有黑色嗎'],
    ['en', 'i like a loose fit, do you have black'],
  ])('records fit and colour preferences in %s', async (_script, message) => {
    expect((await logged([message])).tags).toEqual(expect.arrayContaining(['喜欢宽松', '偏好黑色']));
  });

  it('records life stage and category interest', async () => {
    const { tags } = await logged(['我宝宝刚出生，有没有婴儿连体衣']);
    expect(tags).toEqual(expect.arrayContaining(['母婴', '童装']));
    expect(tags).not.toContain('送礼');
  });

  it('marks English writers as overseas buyers, and Chinese writers not', async () => {
    expect((await logged(['recommend a gift for my dad'])).tags).toContain('海外买家');
    expect((await logged(['送我爸的父亲节礼物推荐一下'])).tags).not.toContain('海外买家');
  });

  it('logs each tag with buyer, chat, source, reason, time and the masked message', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码，电话13812345678']);
    const events: TagEvent[] = [];
    for await (const chunk of r.marketing.exportChunks('events', 'json')) events.push(...(JSON.parse(chunk) as TagEvent[]));
    const height = events.find((e) => e.tag === '身高170');
    expect(height).toMatchObject({ buyerId: turn!.buyerId, sessionId: turn!.sessionId, source: 'rule', because: 'height', op: 'add' });
    expect(height?.message).toContain('138****5678');
    expect(height?.message).not.toContain('13812345678');
    expect(events.find((e) => e.tag === '咨询尺码')).toMatchObject({ source: 'model', because: 'intent:size' });
  });

  it('logs a tag once per chat, however often the buyer repeats it', async () => {
    const r = await rig();
    const [first] = await r.chat(['身高170体重60kg穿什么码', '身高170体重60kg穿L还是XL']);
    const heights: string[] = [];
    for await (const chunk of r.marketing.exportChunks('events', 'json')) {
      for (const e of JSON.parse(chunk) as TagEvent[]) if (e.tag === '身高170') heights.push(e.message);
    }
    expect(heights).toEqual(['身高170体重60kg穿什么码']);
    expect(r.marketing.profile(first!.buyerId)?.chats).toBe(1);
  });

  it('gives no marketing tags to spam the model does not understand', async () => {
    const { tags } = await logged(['加微信领红包 170 60kg']);
    expect(tags.filter((t) => /^(身高|体重)/.test(t))).toEqual([]);
  });
});
