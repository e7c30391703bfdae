import { describe, expect, it } from 'vitest';
import type { Entity, IntentId, Normalised, Script } from '../../../src/intents/types.js';
import type { TagHit } from '../../../src/bot/types.js';
import { findPainPoint } from '../../../src/bot/extract/painPoint.js';

const n = (text: string, script: Script = 'hans'): Normalised => ({ raw: text, text, script, emoji: [] });
const tags = (...names: string[]): TagHit[] => names.map((tag) => ({ tag, source: 'rule' }));
const pain = (text: string, intents: IntentId[], opts: { script?: Script; tags?: TagHit[]; entities?: Entity[] } = {}) =>
  findPainPoint({ intents, norm: n(text, opts.script), entities: opts.entities ?? [], tags: opts.tags ?? [] });

describe('findPainPoint: what hurts', () => {
  it.each([
    ['快递压坏了 杯子碎了', ['damage'], 'hans', '包裹破损'],
    ['外包装破了里面也坏了', ['damage'], 'hant', '包裹破损'],
    ['the mug arrived cracked', ['damage'], 'en', '包裹破损'],
    ['发错货了 我要的是黑色', ['wrong_item'], 'hans', '发错货'],
    ['you sent me the wrong size', ['wrong_item'], 'en', '发错货'],
    ['少发了一件', ['wrong_item'], 'hans', '少发漏发'],
    ['赠品没收到', ['wrong_item'], 'hant', '少发漏发'],
    ['穿了两次就起球了', ['quality'], 'hans', '质量问题'],
    ['颜色洗了掉得厉害', ['quality'], 'hans', '质量问题'],
    ['质量太差了', ['complaint'], 'hant', '质量问题'],
    ['it stopped working after a week', ['quality'], 'en', '质量问题'],
    ['实物和图片颜色不一样 色差太大', ['quality'], 'hans', '色差'],
    ['有色差吗', ['color'], 'hans', '色差'],
    ['怎么还没发货 都三天了', ['tracking'], 'hans', '发货慢'],
    ['物流不动了', ['tracking'], 'hant', '物流慢'],
    ['显示签收了但我没收到', ['tracking'], 'hans', '签收未收到'],
    ['单号多少', ['tracking'], 'hans', '物流查询'],
    ['麻烦催下发货 拍了好几天了', ['tracking'], 'hans', '发货慢'],
    ['买了三件只收到两件', ['wrong_item'], 'hans', '少发漏发'],
    ['where is the free gift', ['wrong_item'], 'en', '少发漏发'],
    ['my parcel has not arrived', ['tracking'], 'en', '物流慢'],
    ['退款怎么还没到账', ['refund'], 'hans', '退款慢'],
    ['客服态度太差了', ['complaint'], 'hans', '服务态度'],
    ['your staff was rude', ['complaint'], 'en', '服务态度'],
    ['衣服小了 能换大一码吗', ['return_exchange'], 'hans', '尺码不合适'],
    ['不合适能退吗', ['return_exchange'], 'hant', '尺码不合适'],
    ['the dress is too small', ['return_exchange'], 'en', '尺码不合适'],
    ['太贵了 能便宜点吗', ['discount'], 'hans', '价格'],
    ['发票抬头写错了', ['invoice'], 'hans', '发票问题'],
    ['170 60kg穿什么码', ['size'], 'hans', '尺码拿不准'],
    ['夏天穿热不热', ['product_info'], 'hant', '透气性'],
    ['是正品吗', ['product_info'], 'hans', '正品顾虑'],
    ['会起球吗', ['product_info'], 'hans', '会不会起球'],
    ['能发顺丰吗', ['shipping'], 'hans', '发货时效'],
    ['我要取消订单', ['cancel_order'], 'hans', '取消订单'],
  ] as Array<[string, IntentId[], Script, string]>)('names the pain of %s (%j, %s) %s', (text, intents, script, label) => {
    expect(pain(text, intents, { script })?.label).toBe(label);
  });

  it('takes the most severe of several intents', () => {
    expect(pain('东西坏了 我要退款', ['refund', 'damage'])?.label).toBe('包裹破损');
    expect(pain('在吗 我要退货', ['greeting', 'return_exchange'])?.label).toBe('退换货');
  });

  it('calls an exchange for a size the buyer names a size problem', () => {
    const text = '换成l码';
    const size: Entity = { kind: 'size', value: 'L', text: 'l码', start: 2, end: 4 };
    expect(pain(text, ['return_exchange'], { entities: [size] })?.label).toBe('尺码不合适');
    expect(pain(text, ['return_exchange'])?.label).toBe('退换货');
  });

  it('still hears after-sale words when the classifier could not place the message', () => {
    expect(pain('衣服起球了', ['None'])?.label).toBe('质量问题');
  });

  it.each([
    [['greeting'], '在吗'],
    [['greeting'], 'hello'],
    [['farewell'], '好的谢谢'],
    [['None'], '今天天气怎么样'],
    [['human'], '转人工'],
  ] as Array<[IntentId[], string]>)('finds nothing hurting in %j %s', (intents, text) => {
    expect(pain(text, intents)).toBeNull();
  });
});

describe('findPainPoint: the scene', () => {
  it('names a gift for a friend who just had a baby', () => {
    const p = pain('朋友刚生宝宝送什么好', ['recommendation'], { tags: tags('送礼', '送朋友', '母婴') });
    expect(p).toEqual({ label: '选购建议', scene: '送礼：朋友刚生宝宝' });
  });

  it('names the recipient of a gift, or just the gift', () => {
    expect(pain('送女朋友穿什么码', ['size'], { tags: tags('送礼', '送女友') })?.scene).toBe('送礼：女友');
    expect(pain('生日礼物', ['recommendation'], { tags: tags('送礼') })?.scene).toBe('送礼');
  });

  it('calls a buyer choosing for their own body 自穿', () => {
    const p = pain('我自己穿 170 60kg', ['size'], { tags: tags('自用', '身高170', '体重60kg') });
    expect(p).toEqual({ label: '尺码拿不准', scene: '自穿' });
    expect(pain('自己用的 耳机', ['product_info'], { tags: tags('自用', '数码') })?.scene).toBe('自用');
  });

  it('names a life stage when there is no gift', () => {
    expect(pain('怀孕了能穿吗', ['product_info'], { tags: tags('孕妇') })?.scene).toBe('孕期');
    expect(pain('宝宝穿多大', ['size'], { tags: tags('母婴') })?.scene).toBe('母婴');
  });

  it('keeps a scene even when the message asks nothing yet', () => {
    expect(pain('你好 我女朋友生日快到了', ['greeting'], { tags: tags('送礼', '送女友') }))
      .toEqual({ label: '选购建议', scene: '送礼：女友' });
  });
});
