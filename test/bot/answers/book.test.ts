import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_IDS, type Entity, type IntentId } from '../../../src/intents/types.js';
import { answerBookFrom, loadAnswers } from '../../../src/bot/answers/book.js';
import { commonVars, type AnswerContext } from '../../../src/bot/answers/context.js';
import { composeReply } from '../../../src/bot/answers/compose.js';
import { placeholders } from '../../../src/bot/answers/render.js';
import { VARS } from '../../../src/bot/answers/vars/index.js';
import { productById } from '../../../src/bot/shop/catalog.js';
import { newState, type Slots } from '../../../src/bot/session/state.js';
import type { Decision } from '../../../src/bot/types.js';
import { MORNING, testBook, testShop } from '../helpers.js';

const shop = testShop();
const book = testBook();

const entity = (kind: Entity['kind'], value: string | number, text = String(value)): Entity => ({ kind, value, text, start: 0, end: text.length });

/** Situations that between them switch on every section of every template. */
const SITUATIONS: { text: string; slots?: Slots; entities?: Entity[]; productId?: string; decision?: Decision }[] = [
  { text: '' },
  { text: '170 60kg', slots: { height: 170, weight: 60, color: 'red' }, entities: [entity('size', 'L')] },
  { text: '平时穿m', slots: { usualSize: 'M' } },
  { text: '脚长24', slots: { footLength: 24 }, productId: 'canvas-sneaker' },
  { text: '尺码表 偏大吗' },
  { text: '有粉色吗 有色差吗 显白吗', entities: [entity('color', 'pink', '粉色')] },
  { text: '白色', entities: [entity('color', 'white', '白色')], slots: { size: 'XL' } },
  { text: 'l码', entities: [entity('size', 'L')], slots: { size: 'L', color: 'blue' } },
  { text: '3xl', entities: [entity('size', '3XL')] },
  { text: '能发京东吗 发新疆 包邮吗', entities: [entity('courier', 'jd', '京东')] },
  { text: '那顺丰呢', entities: [entity('courier', 'sf', '顺丰')], productId: 'wool-coat' },
  { text: '寄到美国 补货 预售', productId: 'wool-coat' },
  { text: '显示签收了但我没收到', slots: { orderId: '123456789012' } },
  { text: '专票 纸质 抬头写错了' },
  { text: '退款被拒 仅退款 换货 运费险 退货地址', slots: { orderId: '123456789012' }, decision: { kind: 'handoff', reason: 'compensation' } },
  { text: '能便宜点吗 价保 双十一 积分 会员日 分期 定金 货到付款 付款失败' },
  { text: '送女朋友 搭配 材质 起球 蓝牙' },
  { text: '', decision: { kind: 'handoff', reason: 'store_rule', detail: shop.handoff.rules[0]!.note.zh } },
  { text: '差评', decision: { kind: 'handoff', reason: 'bad_review_threat' } },
  { text: '', decision: { kind: 'handoff', reason: 'not_understood_twice' } },
];

function contexts(intent: IntentId, lang: 'zh' | 'en'): AnswerContext[] {
  return SITUATIONS.map((s, i) => ({
    shop, lang, intent, text: s.text, entities: s.entities ?? [], now: MORNING,
    product: productById(shop, s.productId ?? null),
    state: { ...newState(s.productId ?? shop.featured), slots: { ...s.slots }, turns: i % 2 },
    decision: s.decision ?? { kind: 'answer', intents: [intent] },
  }));
}

describe('answer book', () => {
  it('has zh-Hans and en templates for every intent in training/', () => {
    for (const intent of INTENT_IDS) {
      const answers = book.get(intent);
      expect(answers, intent).toBeDefined();
      expect(answers!['zh-Hans'].length, intent).toBeGreaterThan(0);
      expect(answers!.en.length, intent).toBeGreaterThan(0);
    }
  });

  it('uses only placeholders the code provides (a typo would render as nothing)', () => {
    for (const intent of INTENT_IDS) {
      const known = new Set<string>();
      for (const lang of ['zh', 'en'] as const) {
        for (const ctx of contexts(intent, lang)) {
          for (const key of Object.keys({ ...commonVars(ctx), ...VARS[intent]?.(ctx) })) known.add(key);
        }
      }
      const answers = book.get(intent)!;
      for (const template of [...answers['zh-Hans'], ...answers.en]) {
        const unknown = placeholders(template).filter((p) => !known.has(p));
        expect(unknown, `${intent}: ${unknown.join(', ')}`).toEqual([]);
      }
    }
  });

  it('renders every template in every situation without braces, undefined or NaN, and ends by guiding on', () => {
    for (const intent of INTENT_IDS) {
      for (const lang of ['zh', 'en'] as const) {
        for (const [i, ctx] of contexts(intent, lang).entries()) {
          const reply = composeReply(ctx, book, lang === 'en' ? 'en' : 'hans', i);
          expect(reply.text, `${intent}/${lang}/${i}`).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
          expect(reply.text.length, `${intent}/${lang}/${i}`).toBeGreaterThan(10);
          expect(reply.quickReplies.length, `${intent}/${lang}/${i}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('reads answers from training files and rejects a malformed answers field with a stable code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kefu-book-'));
    await writeFile(join(dir, 'size.json'), JSON.stringify({ intent: 'size', answers: { 'zh-Hans': ['码'], en: ['size'] } }));
    await writeFile(join(dir, 'color.json'), JSON.stringify({ intent: 'color', examples: {} }));
    const loaded = loadAnswers(dir);
    expect([...loaded.keys()]).toEqual(['size']);
    expect(() => answerBookFrom({ size: { 'zh-Hans': [], en: ['x'] } })).toThrow(expect.objectContaining({ code: 'ANSWERS_INVALID' }));
    expect(() => answerBookFrom({ size: { 'zh-Hans': ['x'] } })).toThrow(expect.objectContaining({ code: 'ANSWERS_INVALID' }));
  });

  it('falls back to the not-understood templates for an intent without answers', () => {
    const partial = answerBookFrom({ None: book.get('None') });
    const [ctx] = contexts('warranty', 'zh');
    const reply = composeReply(ctx!, partial, 'hans', 0);
    expect(reply.text).toBe(composeReply({ ...ctx!, intent: 'None' }, partial, 'hans', 0).text);
    expect(reply.quickReplies).toEqual(shop.quickReplies.top.map((t) => t.zh));
  });
});
