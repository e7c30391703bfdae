import { describe, expect, it } from 'vitest';
import { rig, tagsOf } from './helpers.js';

describe('chat-level tags', () => {
  it('tags the intents asked and an order question', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码', '今天能发货吗']);
    const tags = tagsOf(r.marketing, turn!.buyerId);
    expect(tags).toEqual(expect.arrayContaining(['咨询尺码', '咨询发货', '有过下单咨询']));
    expect(tags).not.toContain('已下单');
  });

  it('tags a handoff and a complaint, and counts the handoff on the profile', async () => {
    const r = await rig();
    const [turn] = await r.chat(['快递太慢了，我要投诉']);
    expect(turn!.decision?.kind).toBe('handoff');
    expect(tagsOf(r.marketing, turn!.buyerId)).toEqual(expect.arrayContaining(['转人工', '投诉', '有过差评风险']));
    expect(r.marketing.profile(turn!.buyerId)).toMatchObject({ chats: 1, handoffs: 1 });
  });

  it('tags a buyer who asks for a person as handed off but not as complaining', async () => {
    const r = await rig();
    const [turn] = await r.chat(['转人工']);
    const tags = tagsOf(r.marketing, turn!.buyerId);
    expect(tags).toContain('转人工');
    expect(tags).not.toContain('投诉');
  });

  it('takes questions about a placed order as a purchase', async () => {
    const r = await rig();
    const [turn] = await r.chat(['我的快递到哪了 订单号 2025061812345678']);
    expect(tagsOf(r.marketing, turn!.buyerId)).toContain('已下单');
    expect(r.marketing.profile(turn!.buyerId)?.lastPurchaseAt).toBe(r.clock());
  });

  it('tags a first-time buyer as new, and drops that once they turn out to have bought before', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码']);
    const buyerId = turn!.buyerId;
    expect(tagsOf(r.marketing, buyerId)).toContain('新客');
    await r.say(turn!.sessionId, ['我是老客户了，上次买过你家的卫衣，这次还是M码吗']);
    const tags = tagsOf(r.marketing, buyerId);
    expect(tags).toContain('老客户');
    expect(tags).not.toContain('新客');
  });

  it('keeps first and last contact and the number of chats on the profile', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码']);
    const start = r.clock();
    r.clock.set(start + 3_600_000);
    await r.say(turn!.sessionId, ['有黑色吗']);
    expect(r.marketing.profile(turn!.buyerId)).toMatchObject({ firstContact: start, lastContact: start + 3_600_000, chats: 1, handoffs: 0 });
  });
});
