import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/intents/normalise.js';
import { extractEntities } from '../../../src/intents/entities.js';
import type { IntentId } from '../../../src/intents/types.js';
import { badReviewThreat, detectMood } from '../../../src/bot/extract/mood.js';
import { extractTags, loadTagRules } from '../../../src/bot/extract/tags.js';
import { describeBuyer } from '../../../src/bot/extract/buyerType.js';
import { findPainPoint } from '../../../src/bot/extract/painPoint.js';

const rules = loadTagRules(join(import.meta.dirname, '../../../data/tag-rules.json'));

/** Runs a raw buyer message through the real normaliser and entity extractor, then the extract stage. */
function extract(raw: string, intent: IntentId = 'product_info') {
  const norm = normalise(raw);
  const entities = extractEntities(norm.text);
  const tags = extractTags({ norm, entities, intent, rules });
  const mood = detectMood(norm, entities);
  const buyer = describeBuyer({ history: [], priorChats: 0, memberLevel: null, tags, mood, messages: 1, norm });
  const pain = findPainPoint({ intents: [intent], norm, entities, tags });
  return { norm, tags: tags.map((t) => t.tag), mood, buyer, pain };
}

describe('extract stage on raw buyer text (normalise → extractEntities → extract)', () => {
  it.each([
    ['我女朋友生日想送她一件', 'recommendation', ['送礼', '送女友']],
    ['我女朋友生日想送她一件，她平時穿S', 'size', ['送礼', '送女友']],
    ['buying a gift for my dad', 'recommendation', ['送礼', '送父亲']],
    ['Buying a GIFT for my Dad!!', 'recommendation', ['送礼', '送父亲']],
    ['想送我媽一件外套', 'recommendation', ['送礼', '送母亲']],
    ['宝宝刚出生', 'recommendation', ['母婴']],
    ['寶寶剛出生，送什麼好', 'recommendation', ['母婴', '送礼']],
    ['My newborn baby needs a onesie', 'recommendation', ['母婴']],
  ] as Array<[string, IntentId, string[]]>)('tags the gift and life stage in %s', (raw, intent, expected) => {
    expect(extract(raw, intent).tags).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['170 60kg穿什么码', ['身高170', '体重60kg']],
    ['身高170，體重60公斤', ['身高170', '体重60kg']],
    ['165cm 110斤', ['身高165', '体重55kg']],
    ['I\'m 170cm and 60kg, what size?', ['身高170', '体重60kg']],
    ['脚长25cm穿多大', ['脚长25cm', '鞋类']],
    ['腳長25公分', ['脚长25cm']],
    ['平时穿M这款拿什么码', ['平时穿M']],
    ['我平常都穿L號', ['平时穿L']],
    ['I usually wear a medium', ['平时穿M']],
    ['平时穿38码的鞋', ['鞋码38', '鞋类']],
  ] as Array<[string, string[]]>)('tags the body facts in %s', (raw, expected) => {
    expect(extract(raw, 'size').tags).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['喜欢黑色的', '偏好黑色'],
    ['喜歡黑色的', '偏好黑色'],
    ['I like the black one', '偏好黑色'],
    ['有黑色吗？', '偏好黑色'],
    ['有沒有白的', '偏好白色'],
    ['do you have it in navy?', '偏好藏青色'],
  ])('tags the wanted colour in %s', (raw, tag) => {
    expect(extract(raw, 'color').tags).toContain(tag);
  });

  it('does not call the colour of a wrong parcel a preference', () => {
    expect(extract('我买的黑色，寄来的是白色', 'wrong_item').tags.join()).not.toMatch(/偏好/);
  });

  it.each([
    ['什么破质量！！！垃圾', 'angry'],
    ['什麼破質量，垃圾', 'angry'],
    ['你們是騙子吧', 'angry'],
    ['This is a SCAM!!!', 'angry'],
    ['发货了吗😡', 'angry'],
    ['收到了好失望', 'upset'],
    ['謝謝親，很滿意', 'happy'],
    ['Thanks, love it 👍', 'happy'],
    ['在吗', 'neutral'],
    ['沒生氣，就問一下', 'neutral'],
  ])('reads the mood of %s as %s', (raw, mood) => {
    expect(extract(raw).mood).toBe(mood);
  });

  it.each([
    ['再不发货我就给差评！', true],
    ['我要去12315投訴你們', true],
    ['I will open a dispute', true],
    ['放心，不會給差評的', false],
    ['订单号123150000000000001什么时候发', false],
  ] as Array<[string, boolean]>)('sees a bad-review threat in %s: %s', (raw, threat) => {
    expect(badReviewThreat(normalise(raw))).toBe(threat);
  });

  it('describes a hurried gift buyer from traditional text', () => {
    const { buyer } = extract('送男朋友的，很急，明天就要', 'shipping');
    expect(buyer).toMatchObject({ buyingFor: 'gift', giftFor: '送男友', inAHurry: true });
    expect(buyer.label).toBe('首次咨询 · 送礼(送男友) · 着急');
  });

  it('finds the pain and the scene of a message', () => {
    expect(extract('朋友剛生寶寶，送什麼好', 'recommendation').pain).toEqual({ label: '选购建议', scene: '送礼：朋友刚生宝宝' });
    expect(extract('快遞壓壞了，杯子碎了', 'damage').pain?.label).toBe('包裹破损');
    expect(extract('Where is my refund? Still not received', 'refund').pain?.label).toBe('退款慢');
    expect(extract('在吗', 'greeting').pain).toBeNull();
  });
});
