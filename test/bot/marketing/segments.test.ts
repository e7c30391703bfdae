import { describe, expect, it } from 'vitest';
import { describeSegment, parseSegment } from '../../../src/bot/marketing/segments.js';
import { rig } from './helpers.js';

describe('segments', () => {
  it('finds buyers with 母婴 AND 有过下单咨询 not contacted in 30 days', async () => {
    const r = await rig();
    r.clock.day(0);
    const [babySizer] = await r.chat(['我宝宝刚出生，有没有婴儿连体衣', '身高70cm宝宝穿什么码']);
    const [babyOnly] = await r.chat(['宝宝刚出生，送什么好']);
    const [sizer] = await r.chat(['身高170体重60kg穿什么码']);
    r.clock.day(20);
    const [recentBaby] = await r.chat(['我宝宝刚出生，有没有婴儿连体衣', '宝宝穿什么码']);
    r.clock.day(31);
    const found = r.marketing.segment(parseSegment({ tags: '母婴,有过下单咨询', idleDays: '30' })).map((p) => p.buyerId);
    expect(found).toEqual([babySizer!.buyerId]);
    const anyIdle = r.marketing.segment(parseSegment({ tags: '母婴，有过下单咨询' })).map((p) => p.buyerId);
    expect(anyIdle).toEqual([recentBaby!.buyerId, babySizer!.buyerId]); // most recently reached first
    expect(anyIdle).not.toContain(babyOnly!.buyerId);
    expect(anyIdle).not.toContain(sizer!.buyerId);
  });

  it('counts a follow-up sent as contact', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码']);
    r.clock.day(30);
    await r.marketing.markDone({ buyerId: turn!.buyerId, step: 'coupon', by: 'ops' });
    r.clock.day(45);
    expect(r.marketing.segment({ all: ['有过下单咨询'], idleDays: 30 })).toEqual([]);
    r.clock.day(60);
    expect(r.marketing.segment({ all: ['有过下单咨询'], idleDays: 30 }).map((p) => p.buyerId)).toEqual([turn!.buyerId]);
  });

  it('combines any-of and none-of lists', async () => {
    const r = await rig();
    const [gift] = await r.chat(['女朋友过生日，想买一件送她，推荐哪款']);
    const [angry] = await r.chat(['快递太慢了，我要投诉']);
    const [student] = await r.chat(['学生党，开学穿，有便宜点的吗']);
    const ids = (q: Parameters<typeof parseSegment>[0]) => r.marketing.segment(parseSegment(q)).map((p) => p.buyerId).sort();
    expect(ids({ any: '送礼,学生' })).toEqual([gift!.buyerId, student!.buyerId].sort());
    expect(ids({ not: '投诉' })).not.toContain(angry!.buyerId);
    expect(ids({ any: '送礼,学生', not: '价格敏感' })).toEqual([gift!.buyerId]);
  });

  it.each(['-1', '1.5', 'abc', '99999'])('refuses idle days %s with bad_segment', (idleDays) => {
    expect(() => parseSegment({ idleDays })).toThrow(expect.objectContaining({ code: 'bad_segment' }));
  });

  it('describes a segment in one line for file names and titles', () => {
    expect(describeSegment(parseSegment({ tags: '母婴,有过下单咨询', idleDays: '30' }))).toBe('母婴+有过下单咨询 30天未联系');
    expect(describeSegment({})).toBe('全部买家');
  });
});
