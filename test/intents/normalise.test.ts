import { describe, expect, it } from 'vitest';
import { MAX_INPUT, normalise, toScript } from '../../src/intents/normalise.js';

const text = (raw: string): string => normalise(raw).text;

describe('normalise: scripts', () => {
  it('converts traditional Chinese to simplified and reports hant', () => {
    const n = normalise('請問可以開發票嗎？');
    expect(n.text).toBe('请问可以开发票吗');
    expect(n.script).toBe('hant');
  });

  it('converts Hong Kong and Taiwan writing, variants included', () => {
    expect(text('呢件衫有冇貨？幾時發貨？')).toBe('呢件衫有冇货 几时发货');
    expect(text('穿著舒服嗎')).toBe('穿着舒服吗');
    expect(text('裡面有內襯嗎')).toBe('里面有内衬吗');
  });

  it('reports hans for simplified text and leaves it as it is', () => {
    const n = normalise('亲 什么时候发货');
    expect(n.script).toBe('hans');
    expect(n.text).toBe('亲 什么时候发货');
  });

  it('does not take characters simplified writers also use as proof of traditional writing', () => {
    expect(normalise('著名品牌 台湾发货 什么时候到').script).toBe('hans');
  });

  it('reports en for Latin letters without Chinese and lower-cases them', () => {
    const n = normalise('Hi, do you ship to HONG KONG?');
    expect(n.script).toBe('en');
    expect(n.text).toBe('hi do you ship to hong kong');
  });

  it('reports hans for text with neither Chinese nor Latin letters', () => {
    expect(normalise('170 60').script).toBe('hans');
    expect(normalise('👍👍').script).toBe('hans');
  });

  it('reports hans for mixed Chinese and English, hant when the Chinese is traditional', () => {
    expect(normalise('XL有货吗 thanks').script).toBe('hans');
    expect(normalise('XL有貨嗎 thanks').script).toBe('hant');
  });
});

describe('normalise: characters', () => {
  it('turns full-width letters, digits and spaces to half-width', () => {
    expect(text('ＸＸＬ　１７０ｃｍ')).toBe('xxl 170cm');
  });

  it('folds punctuation and symbols to single spaces', () => {
    expect(text('亲，在吗？？？有货吗！！【急】')).toBe('亲 在吗 有货吗 急');
    expect(text('170/60…穿什么码~')).toBe('170 60 穿什么码');
  });

  it('keeps the symbols that belong to a number', () => {
    expect(text('身高1.75米，体重６０ｋｇ')).toBe('身高1.75米 体重60kg');
    expect(text('I\'m 5\'7" tall')).toBe('im 5\'7" tall');
    expect(text('￥199，打8.5折，+86 138')).toBe('¥199 打8.5折 +86 138');
    expect(text('满300减50%')).toBe('满300减50%');
  });

  it('drops a sentence-final full stop but keeps a decimal point', () => {
    expect(text('170. 1.7.')).toBe('170 1.7');
  });

  it('removes emoji from the text and lists each one, joined sequences and flags whole', () => {
    const n = normalise('在吗😊👍🏻有黑色吗❤️👨‍👩‍👧🇨🇳');
    expect(n.text).toBe('在吗 有黑色吗');
    expect(n.emoji).toEqual(['😊', '👍🏻', '❤️', '👨‍👩‍👧', '🇨🇳']);
  });

  it('gives an empty text and all the emoji for an emoji-only message', () => {
    const n = normalise('👍👍😡');
    expect(n.text).toBe('');
    expect(n.emoji).toEqual(['👍', '👍', '😡']);
  });

  it('squeezes runs of a repeated character to two, but never digits or the x of xxxl', () => {
    expect(text('好好好好好')).toBe('好好');
    expect(text('哈哈哈哈哈哈 soooooo')).toBe('哈哈 soo');
    expect(text('1000000 xxxl')).toBe('1000000 xxxl');
  });

  it('keeps an English contraction in one piece so its letters are not read as sizes', () => {
    expect(text("I'm not sure it's M")).toBe('im not sure its m');
  });
});

describe('normalise: typos', () => {
  it('fixes common buyer misspellings of store words', () => {
    expect(text('尺吗偏大吗')).toBe('尺码偏大吗');
    expect(text('什么时候发或')).toBe('什么时候发货');
    expect(text('亲在嘛')).toBe('亲在吗');
    expect(text('有优惠卷吗')).toBe('有优惠券吗');
    expect(text('包油吗')).toBe('包邮吗');
    expect(text('有运费显吗')).toBe('有运费险吗');
    expect(text('支持7天无理由吗')).toBe('支持七天无理由吗');
  });

  it('leaves the look-alikes that are correct alone', () => {
    expect(text('发顺丰或者中通都行 发或者寄')).toBe('发顺丰或者中通都行 发或者寄');
    expect(text('腰围二尺吗')).toBe('腰围二尺吗');
    expect(text('面包油炸的吗')).toBe('面包油炸的吗');
  });
});

describe('normalise: edges', () => {
  it('returns an empty result for an empty or blank message', () => {
    expect(normalise('')).toEqual({ raw: '', text: '', script: 'hans', emoji: [] });
    expect(normalise('  \n\t ').text).toBe('');
  });

  it('keeps the raw text exactly as sent', () => {
    const raw = '請問，ＸＬ有貨嗎😊';
    expect(normalise(raw).raw).toBe(raw);
  });

  it('caps a 5,000-character message at MAX_INPUT characters', () => {
    const raw = '请问这件衣服有货吗'.repeat(600).slice(0, 5000);
    const n = normalise(raw);
    expect(n.raw).toHaveLength(5000);
    expect(n.text.length).toBeLessThanOrEqual(MAX_INPUT);
    expect(n.text.startsWith('请问这件衣服有货吗请问')).toBe(true);
  });

  it('does not cut an emoji in half at the cap', () => {
    const raw = `${'好'.repeat(MAX_INPUT - 1)}😊tail`;
    const n = normalise(raw);
    expect(n.text).not.toMatch(/[\ud800-\udfff]/);
    expect(n.emoji).toEqual([]);
  });
});

describe('toScript', () => {
  it('turns a simplified reply into traditional for a hant buyer, choosing characters by phrase', () => {
    expect(toScript('亲，今天发货，头发', 'hant')).toBe('親，今天發貨，頭髮');
  });

  it('leaves the reply as it is for hans and en buyers', () => {
    expect(toScript('亲，今天发货', 'hans')).toBe('亲，今天发货');
    expect(toScript('亲，今天发货', 'en')).toBe('亲，今天发货');
  });

  it('round-trips store replies through traditional and back', () => {
    for (const reply of ['七天无理由退货 运费险 包邮', '可以开发票 专票普票都可以', '顺丰48小时内发货']) {
      expect(text(toScript(reply, 'hant'))).toBe(reply);
    }
  });
});
