import { describe, expect, it } from 'vitest';
import type { Normalised, Script } from '../../../src/intents/types.js';
import type { ChatLine, Mood, TagHit } from '../../../src/bot/types.js';
import { buyerTags, describeBuyer } from '../../../src/bot/extract/buyerType.js';

const n = (text: string, script: Script = 'hans'): Normalised => ({ raw: text, text, script, emoji: [] });
const tags = (...names: string[]): TagHit[] => names.map((tag) => ({ tag, source: 'rule' }));
const buyerLine = (text: string): ChatLine => ({ from: 'buyer', text, at: 0 });

const describe1 = (over: Partial<Parameters<typeof describeBuyer>[0]> = {}): ReturnType<typeof describeBuyer> =>
  describeBuyer({
    history: [], priorChats: 0, memberLevel: null, tags: [], mood: 'neutral' as Mood, messages: 1, norm: n('在吗'), ...over,
  });

describe('describeBuyer', () => {
  it('describes a first-time neutral buyer with a short label', () => {
    const b = describe1();
    expect(b).toMatchObject({ returning: false, buyingFor: 'unknown', priceSensitive: false, inAHurry: false, angry: false });
    expect(b.label).toBe('首次咨询');
  });

  it('calls a buyer with earlier chats a returning customer', () => {
    expect(describe1({ priorChats: 2 }).returning).toBe(true);
  });

  it('calls a buyer returning when the tags show a past order', () => {
    expect(describe1({ tags: tags('有过退货') }).returning).toBe(true);
    expect(describe1({ tags: tags('老客户') }).returning).toBe(true);
    expect(describe1({ tags: tags('母婴') }).returning).toBe(false);
  });

  it('builds the label from every fact, in a fixed order', () => {
    const b = describe1({
      priorChats: 1, memberLevel: 'VIP', tags: tags('送礼', '送女友', '价格敏感'), norm: n('明天就要 能今天发吗'),
    });
    expect(b).toMatchObject({ buyingFor: 'gift', giftFor: '送女友', priceSensitive: true, inAHurry: true });
    expect(b.label).toBe('回头客 · VIP · 送礼(送女友) · 价格敏感 · 着急');
  });

  it('says 送礼 without a recipient when none is known, and 自用 for the buyer themselves', () => {
    expect(describe1({ tags: tags('送礼') }).label).toBe('首次咨询 · 送礼');
    expect(describe1({ tags: tags('送礼') }).giftFor).toBeUndefined();
    const self = describe1({ tags: tags('自用') });
    expect(self.buyingFor).toBe('self');
    expect(self.label).toBe('首次咨询 · 自用');
  });

  it('prefers the gift over 自用 when both were said', () => {
    expect(describe1({ tags: tags('自用', '送礼', '送母亲') }).buyingFor).toBe('gift');
  });

  it.each([
    ['急用 今天能发吗', 'hans'],
    ['赶时间 明天就要', 'hans'],
    ['很急 能快点吗', 'hant'],
    ['need it asap', 'en'],
    ['its urgent please', 'en'],
  ] as Array<[string, Script]>)('sees a hurry in %s', (text, script) => {
    expect(describe1({ norm: n(text, script) }).inAHurry).toBe(true);
  });

  it.each([
    ['不急 慢慢来'],
    ['不着急的'],
    ['no rush'],
    ['170 60kg穿什么码'],
  ])('sees no hurry in %s', (text) => {
    expect(describe1({ norm: n(text) }).inAHurry).toBe(false);
  });

  it('remembers a hurry the buyer wrote earlier in the chat, even in traditional characters', () => {
    const history = [buyerLine('我趕時間'), { from: 'bot', text: '好的亲', at: 1 } as ChatLine];
    expect(describe1({ history, norm: n('发什么快递') }).inAHurry).toBe(true);
    expect(describe1({ history: [{ from: 'bot', text: '急', at: 1 }], norm: n('发什么快递') }).inAHurry).toBe(false);
  });

  it('marks an angry buyer and an upset one differently', () => {
    const angry = describe1({ mood: 'angry' });
    expect(angry.angry).toBe(true);
    expect(angry.label).toContain('生气');
    const upset = describe1({ mood: 'upset' });
    expect(upset.angry).toBe(false);
    expect(upset.label).toContain('不满');
  });

  it('counts the messages and calls out a buyer who writes very often', () => {
    expect(describe1({ messages: 3 }).messages).toBe(3);
    expect(describe1({ messages: 3 }).label).not.toContain('频繁留言');
    expect(describe1({ messages: 7 }).label).toContain('频繁留言(7条)');
  });
});

describe('buyerTags', () => {
  it('tags new and returning buyers and their member level', () => {
    expect(buyerTags(describe1()).map((t) => t.tag)).toEqual(['新客']);
    expect(buyerTags(describe1({ priorChats: 1, memberLevel: 'VIP' })).map((t) => t.tag)).toEqual(['老客户', 'VIP会员']);
    expect(buyerTags(describe1({ memberLevel: '高级会员' })).map((t) => t.tag)).toEqual(['新客', '高级会员']);
  });
});
