import { describe, expect, it } from 'vitest';
import { converse, EVENING, said, testBot, testShop } from './helpers.js';

describe('the bot, end to end on the real language model', () => {
  it('greets a new chat with the store name, the persona and the top questions', async () => {
    const { bot } = await testBot();
    const chat = await bot.open(undefined);
    expect(chat.resumed).toBe(false);
    expect(chat.history).toEqual([]);
    expect(chat.welcome.text).toContain('棉屿服饰');
    expect(chat.welcome.text).toContain('小屿');
    expect(chat.welcome.quickReplies).toEqual(testShop().quickReplies.top.map((q) => q.zh));
  });

  it.each([
    ['170 60kg穿什么码', /170cm.*60kg.*M 码/],
    ['165cm 110斤穿多大', /165cm.*55kg.*M 码/],
    ["5'7 140lb which size", /170 cm.*63\.5 kg.*matches M.*weight L.*take L/],
  ])('recommends a size from the size chart and says why: %s', async (message, expected) => {
    const { bot } = await testBot();
    const { last } = await converse(bot, [message]);
    expect(last.decision).toEqual({ kind: 'answer', intents: ['size'] });
    expect(said(last)).toMatch(expected);
  });

  it('asks for height and weight when they are missing, then advises from the bare answer', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['这件卫衣怎么选码', '170 60']);
    expect(turns[0]!.decision).toEqual({ kind: 'ask', intent: 'size', slot: 'body' });
    expect(said(turns[0]!)).toMatch(/身高和体重/);
    expect(said(turns[1]!)).toMatch(/建议拿 M 码/);
  });

  it('answers both questions of a two-question message', async () => {
    const { bot } = await testBot();
    const { last } = await converse(bot, ['有黑色吗 什么时候发货']);
    expect(last.replies!.length).toBe(2);
    expect(said(last)).toContain('曜石黑有货');
    expect(said(last)).toContain('16:00前付款');
  });

  it('understands 那白色呢, M码呢 and 那顺丰呢 against the previous turn', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['有黑色吗', '那白色呢', 'M码呢', '能发中通吗', '那顺丰呢']);
    expect(said(turns[1]!)).toContain('燕麦白有货');
    expect(turns[2]!.replies![0]!.intent).toBe('stock');
    expect(said(turns[2]!)).toMatch(/M 码燕麦白现在有货/);
    expect(turns[4]!.replies![0]!.intent).toBe('shipping');
    expect(said(turns[4]!)).toMatch(/可以发顺丰，补10元差价/);
  });

  it('asks about another size against its own advice (L码呢 after M)', async () => {
    const { bot } = await testBot();
    const { last } = await converse(bot, ['170 60kg穿什么码', 'L码呢']);
    expect(said(last)).toMatch(/L 码会更宽松/);
  });

  it('says so briefly when it does not understand, offers the top questions, and hands off the second time', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['今天天气怎么样', '帮我写首诗']);
    expect(turns[0]!.decision).toEqual({ kind: 'clarify' });
    expect(turns[0]!.replies![0]!.quickReplies).toEqual(testShop().quickReplies.top.map((q) => q.zh));
    expect(turns[1]!.decision).toEqual({ kind: 'handoff', reason: 'not_understood_twice' });
  });

  it('meets damage with an apology, asks for a photo and the order number, then hands off for compensation', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['收到的时候外包装破了 里面也碎了', '订单号 2024061812345678']);
    const first = said(turns[0]!);
    expect(first).toMatch(/^真的很抱歉/);
    expect(first).toContain('照片');
    expect(first).toContain('订单号');
    expect(first).not.toMatch(/快递的责任|不是我们的问题/);
    expect(turns[1]!.decision).toEqual({ kind: 'handoff', reason: 'compensation', detail: 'damage' });
    expect(said(turns[1]!)).toContain('2024061812345678');
  });

  it('answers a traditional-Chinese buyer in traditional Chinese', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['請問有黑色嗎', '身高170 體重60公斤穿什麼碼']);
    for (const t of turns) {
      expect(said(t)).toMatch(/[碼貨顏色麼嗎]/);
      expect(said(t)).not.toMatch(/[码货颜么吗]/);
    }
  });

  it('answers an English buyer in English', async () => {
    const { bot } = await testBot();
    const { turns } = await converse(bot, ['hi', 'do you have it in black', 'can you ship with sf express']);
    for (const t of turns) {
      expect(said(t)).not.toMatch(/\p{Script=Han}/u);
      expect(said(t).length).toBeGreaterThan(20);
    }
    expect(said(turns[2]!)).toContain('SF Express');
  });

  it('never sends a bare 嗯/好/哦, and every reply offers quick replies or ends with a question', async () => {
    const { bot } = await testBot();
    const messages = ['在吗', '好的', '嗯', '哦', '谢谢', '有优惠券吗', '是正品吗', '会员有什么优惠', '怎么退换货', '退款多久到账',
      '能用花呗吗', '保修多久', '送女朋友买什么好', '转人工', 'asdf', '我要投诉', 'thanks bye', '地址写错了', '不想要了帮我取消'];
    const { turns } = await converse(bot, messages);
    for (const t of turns) {
      expect(t.replies!.length).toBeGreaterThan(0);
      for (const r of t.replies!) {
        expect(r.text.replace(/[\s。！～~.!]/g, '')).not.toMatch(/^[嗯好哦]*$/);
        expect(r.text.length).toBeGreaterThan(15);
        expect(r.quickReplies.length > 0 || /[？?]$/.test(r.text)).toBe(true);
      }
    }
  });

  it('changes the answer when the store data changes, with no code change', async () => {
    const shop = testShop();
    shop.shipping.cutoff = '18:30';
    shop.shipping.freeShippingThreshold = 59;
    shop.store.name.zh = '小森鞋服';
    const { bot } = await testBot({ shop });
    const chat = await bot.open(undefined);
    expect(chat.welcome.text).toContain('小森鞋服');
    const { last } = await converse(bot, ['多久能发货']);
    expect(said(last)).toContain('18:30前付款');
    expect(said(last)).toContain('满59元包邮');
  });

  it('tells an evening buyer the parcel leaves tomorrow rather than today', async () => {
    const morning = (await converse((await testBot()).bot, ['多久能发货'])).last;
    const evening = (await converse((await testBot({ clock: () => EVENING })).bot, ['多久能发货'])).last;
    expect(said(morning)).toContain('现在下单今天就能走');
    expect(said(evening)).not.toContain('今天就能走');
  });
});

describe('chat ownership', () => {
  it('resumes a known chat with its history', async () => {
    const { bot } = await testBot();
    const { sessionId } = await converse(bot, ['有黑色吗']);
    const again = await bot.open(sessionId);
    expect(again.resumed).toBe(true);
    expect(again.sessionId).toBe(sessionId);
    expect(again.history.map((l) => l.from)).toEqual(['bot', 'buyer', 'bot']);
    expect(again.history[1]).toMatchObject({ text: '有黑色吗', intent: 'color' });
    expect(again.welcome.text).toContain('欢迎回到棉屿服饰');
  });

  it('starts a new chat for a malformed, unknown or path-like id instead of exposing one', async () => {
    const { bot } = await testBot();
    const { sessionId } = await converse(bot, ['有黑色吗']);
    for (const id of ['', 'x', '../../etc/passwd', sessionId.replace(/.$/, (c) => (c === '0' ? '1' : '0')), sessionId.toUpperCase()]) {
      const chat = await bot.open(id);
      expect(chat.resumed).toBe(false);
      expect(chat.sessionId).not.toBe(sessionId);
      expect(chat.history).toEqual([]);
    }
  });

  it('handles a message for an unknown id in a fresh chat, never in someone else’s', async () => {
    const { bot, store } = await testBot();
    const { sessionId } = await converse(bot, ['170 60kg穿什么码']);
    const turn = await bot.handle('00000000-0000-4000-8000-000000000000', '那白色呢');
    expect(turn.sessionId).not.toBe(sessionId);
    expect((await store.history(sessionId)).some((l) => l.text === '那白色呢')).toBe(false);
  });

  it('keeps the order of two quick messages in one chat', async () => {
    const { bot, store } = await testBot();
    const { sessionId } = await bot.open(undefined);
    await Promise.all([bot.handle(sessionId, '有黑色吗'), bot.handle(sessionId, '那白色呢')]);
    const buyer = (await store.history(sessionId)).filter((l) => l.from === 'buyer').map((l) => l.text);
    expect(buyer).toEqual(['有黑色吗', '那白色呢']);
    expect((await store.get(sessionId))!.state.turns).toBe(2);
  });
});
