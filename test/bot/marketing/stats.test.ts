import { describe, expect, it } from 'vitest';
import { rig } from './helpers.js';

describe('figures for the operations page', () => {
  it('counts buyers per tag per store day, over the days asked for', async () => {
    const r = await rig();
    r.clock.day(0);
    await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    await r.chat(['宝宝刚出生，送什么好']);
    r.clock.day(2);
    await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    const { days, series } = r.marketing.tagCounts({ days: 3, tags: ['母婴', '送礼'] });
    expect(days).toEqual(['2025-06-18', '2025-06-19', '2025-06-20']);
    expect(series.find((s) => s.tag === '母婴')).toEqual({ tag: '母婴', counts: [2, 0, 1], total: 3 });
    expect(series.find((s) => s.tag === '送礼')).toEqual({ tag: '送礼', counts: [1, 0, 0], total: 1 });
  });

  it('shows the most frequent tags first and no more than asked', async () => {
    const r = await rig();
    await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    await r.chat(['女朋友过生日，想买一件送她，推荐哪款']);
    const { series } = r.marketing.tagCounts({ days: 7, top: 2 });
    expect(series).toHaveLength(2);
    expect(series[0]!.total).toBeGreaterThanOrEqual(series[1]!.total);
    expect(series.map((s) => s.tag)).toContain('新客');
  });

  it('ranks the week’s pain points by chats, leaving out older ones', async () => {
    const r = await rig();
    r.clock.day(0);
    await r.chat(['质量太差了，线头很多']);
    r.clock.day(10);
    const [slow] = await r.chat(['快递太慢了，怎么还没到']);
    await r.chat(['物流太慢了，一个星期了还没到']);
    await r.chat(['身高170体重60kg穿什么码']);
    const slowLabel = slow!.painPoint!.label;
    const top = r.marketing.painPoints({ days: 7 });
    expect(top[0]).toEqual({ label: slowLabel, chats: 2 });
    expect(top.map((p) => p.label)).not.toContain('质量问题');
  });
});
