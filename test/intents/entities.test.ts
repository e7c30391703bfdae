import { describe, expect, it } from 'vitest';
import { extractEntities, guessKg } from '../../src/intents/entities.js';
import { COLORS, colorLabel } from '../../src/intents/lexicon/colors.js';
import { parseChineseNumber } from '../../src/intents/lexicon/numerals.js';
import { normalise } from '../../src/intents/normalise.js';
import type { EntityKind } from '../../src/intents/types.js';

/** [kind, value] pairs of a raw buyer message, in text order. */
const ents = (raw: string): [EntityKind, string | number][] =>
  extractEntities(normalise(raw).text).map((e) => [e.kind, e.value]);
const kinds = (raw: string): EntityKind[] => ents(raw).map(([k]) => k);
const valuesOf = (raw: string, kind: EntityKind): (string | number)[] =>
  ents(raw).filter(([k]) => k === kind).map(([, v]) => v);

describe('extractEntities: order numbers and phones', () => {
  it('finds Taobao order numbers of 15 to 20 digits', () => {
    expect(ents('订单号：123456789012345678')).toEqual([['orderId', '123456789012345678']]);
    expect(ents('帮我查下 3012345678901234 这个单')).toEqual([['orderId', '3012345678901234']]);
  });

  it('takes shorter digits as an order number when 订单号 or 单号 says so', () => {
    expect(ents('订单号是 13812345678')).toEqual([['orderId', '13812345678']]);
    expect(ents('单号 88886666')).toEqual([['orderId', '88886666']]);
  });

  it('does not take a tracking number for an order number', () => {
    expect(kinds('快递单号 778899001122')).not.toContain('orderId');
  });

  it('finds mainland mobiles with spaces, dashes or +86', () => {
    expect(ents('电话13812345678')).toEqual([['phone', '13812345678']]);
    expect(ents('手机 138-1234-5678')).toEqual([['phone', '13812345678']]);
    expect(ents('+86 139 1234 5678')).toEqual([['phone', '13912345678']]);
  });

  it('finds Hong Kong numbers after +852', () => {
    expect(ents('+852 9123 4567')).toEqual([['phone', '+85291234567']]);
  });

  it('never reads an order number as a phone', () => {
    expect(kinds('138123456781234567 退款')).toEqual(['orderId']);
    expect(kinds('订单123456789012345678')).toEqual(['orderId']);
  });

  it('does not take 11 digits that are not a mobile for a phone', () => {
    expect(kinds('12345678901')).not.toContain('phone');
  });
});

describe('extractEntities: height and weight', () => {
  it('reads metric heights', () => {
    expect(valuesOf('身高170', 'height')).toEqual([170]);
    expect(valuesOf('170cm', 'height')).toEqual([170]);
    expect(valuesOf('1.7m的个子', 'height')).toEqual([170]);
    expect(valuesOf('身高1.75米', 'height')).toEqual([175]);
    expect(valuesOf('1米7', 'height')).toEqual([170]);
    expect(valuesOf('1米65', 'height')).toEqual([165]);
    expect(valuesOf('168公分', 'height')).toEqual([168]);
  });

  it('reads heights in Chinese numerals', () => {
    expect(valuesOf('一米七', 'height')).toEqual([170]);
    expect(valuesOf('我一米七五', 'height')).toEqual([175]);
    expect(valuesOf('一米六的女生', 'height')).toEqual([160]);
  });

  it('reads feet and inches', () => {
    expect(valuesOf("I'm 5'7", 'height')).toEqual([170]);
    expect(valuesOf('5\'7" tall', 'height')).toEqual([170]);
    expect(valuesOf('5ft7in', 'height')).toEqual([170]);
    expect(valuesOf('5 feet 7', 'height')).toEqual([170]);
    expect(valuesOf('6 ft', 'height')).toEqual([183]);
  });

  it('reads weights in kg, 公斤, 斤 and pounds as kilograms', () => {
    expect(valuesOf('60kg', 'weight')).toEqual([60]);
    expect(valuesOf('60公斤', 'weight')).toEqual([60]);
    expect(valuesOf('120斤', 'weight')).toEqual([60]);
    expect(valuesOf('140lb', 'weight')).toEqual([63.5]);
    expect(valuesOf('140 lbs', 'weight')).toEqual([63.5]);
    expect(valuesOf('一百二十斤', 'weight')).toEqual([60]);
    expect(valuesOf('九十斤', 'weight')).toEqual([45]);
    expect(valuesOf('一百一斤', 'weight')).toEqual([55]);
  });

  it('reads the bare height-weight pair buyers type', () => {
    expect(ents('170 60')).toEqual([['height', 170], ['weight', 60]]);
    expect(ents('170/60')).toEqual([['height', 170], ['weight', 60]]);
    expect(ents('我170，60穿什么码')).toEqual([['height', 170], ['weight', 60]]);
    expect(ents('165/100')).toEqual([['height', 165], ['weight', 50]]);
    expect(ents('170 60kg')).toEqual([['height', 170], ['weight', 60]]);
  });

  it('reads the weight after 体重 by what fits the height', () => {
    expect(ents('身高170 体重120')).toEqual([['height', 170], ['weight', 60]]);
    expect(ents('身高185 体重95')).toEqual([['height', 185], ['weight', 95]]);
  });

  it('takes a bare 140–200 as a height only in a message about sizes', () => {
    expect(valuesOf('我170穿什么码', 'height')).toEqual([170]);
    expect(kinds('我有170个')).not.toContain('height');
    expect(kinds('170')).toEqual([]);
  });

  it('does not take years, prices, counts or garment lengths for heights', () => {
    expect(kinds('2024年买的 穿着偏大')).toEqual([]);
    expect(kinds('满199减20 穿什么码')).toEqual([]);
    expect(kinds('150件 穿什么码')).toEqual(['quantity']);
    expect(kinds('170元能穿吗')).toEqual(['money']);
    expect(kinds('衣长65cm 腰围70cm')).toEqual([]);
  });
});

describe('extractEntities: feet and sizes', () => {
  it('reads foot length in cm or mm', () => {
    expect(valuesOf('脚长25cm', 'footLength')).toEqual([25]);
    expect(valuesOf('脚长24.5', 'footLength')).toEqual([24.5]);
    expect(valuesOf('25.5厘米', 'footLength')).toEqual([25.5]);
    expect(valuesOf('脚长245mm', 'footLength')).toEqual([24.5]);
  });

  it('reads EU shoe sizes after 码 or in a shoe message', () => {
    expect(valuesOf('38码', 'shoeSize')).toEqual([38]);
    expect(valuesOf('这双鞋42码偏大吗', 'shoeSize')).toEqual([42]);
    expect(valuesOf('鞋子平时穿39', 'shoeSize')).toEqual([39]);
    expect(valuesOf('鞋子37.5码', 'shoeSize')).toEqual([37.5]);
  });

  it('does not take a bare 39 for a shoe size outside a shoe message', () => {
    expect(kinds('39')).toEqual([]);
    expect(kinds('鞋子39岁穿')).toEqual([]);
  });

  it('reads letter sizes and their Chinese names', () => {
    expect(valuesOf('平时穿M', 'size')).toEqual(['M']);
    expect(valuesOf('XL有货吗', 'size')).toEqual(['XL']);
    expect(valuesOf('2XL和XXL一样吗', 'size')).toEqual(['XXL', 'XXL']);
    expect(valuesOf('3XL', 'size')).toEqual(['XXXL']);
    expect(valuesOf('L码', 'size')).toEqual(['L']);
    expect(valuesOf('是均码吗', 'size')).toEqual(['FREE']);
    expect(valuesOf('有大码吗', 'size')).toEqual(['PLUS']);
    expect(valuesOf('size M or L?', 'size')).toEqual(['M', 'L']);
  });

  it('does not take stray letters or counts for sizes', () => {
    expect(kinds('3件')).toEqual(['quantity']);
    expect(kinds("I'm a bit worried, it's late")).toEqual([]);
    expect(kinds('1.7m')).toEqual(['height']);
  });
});

describe('extractEntities: colours, money, couriers, counts', () => {
  it('maps Chinese and English colour names to canonical ids', () => {
    expect(valuesOf('有黑色吗', 'color')).toEqual(['black']);
    expect(valuesOf('藏青和米白哪个好看', 'color')).toEqual(['navy', 'offwhite']);
    expect(valuesOf('卡其色 酒红色', 'color')).toEqual(['khaki', 'wine']);
    expect(valuesOf('do you have navy blue or grey', 'color')).toEqual(['navy', 'grey']);
    expect(valuesOf('要白的', 'color')).toEqual(['white']);
  });

  it('does not see colours in 明白, 网红 or 红包', () => {
    expect(kinds('明白的 网红的款 有红包吗')).toEqual([]);
  });

  it('exports the palette with a Chinese label for every id', () => {
    expect(colorLabel('navy')).toBe('藏青色');
    expect(new Set(COLORS.map((c) => c.id)).size).toBe(COLORS.length);
  });

  it('reads prices in 元, 块 and ¥', () => {
    expect(valuesOf('99元', 'money')).toEqual([99]);
    expect(valuesOf('¥199', 'money')).toEqual([199]);
    expect(valuesOf('200块钱', 'money')).toEqual([200]);
    expect(valuesOf('便宜20块吗', 'money')).toEqual([20]);
    expect(valuesOf('一百块', 'money')).toEqual([100]);
  });

  it('does not take 一块 (a piece) for money', () => {
    expect(kinds('衣服上有一块污渍')).toEqual([]);
  });

  it('names couriers by id', () => {
    expect(valuesOf('发顺丰还是中通', 'courier')).toEqual(['sf', 'zto']);
    expect(valuesOf('圆通 韵达 申通 极兔 京东 邮政 EMS SF', 'courier')).toEqual(['yto', 'yunda', 'sto', 'jt', 'jd', 'ems', 'ems', 'sf']);
  });

  it('reads counts in digits and Chinese numerals', () => {
    expect(valuesOf('买3件', 'quantity')).toEqual([3]);
    expect(valuesOf('两件包邮吗', 'quantity')).toEqual([2]);
    expect(valuesOf('一双', 'quantity')).toEqual([1]);
    expect(kinds('第一件')).toEqual([]);
    expect(kinds('三个月')).toEqual([]);
  });
});

describe('extractEntities: offsets and edges', () => {
  it('gives offsets into the normalised text', () => {
    const { text } = normalise('亲，我170/60kg，要黑色XL，发顺丰');
    const found = extractEntities(text);
    expect(found.map((e) => e.kind)).toEqual(['height', 'weight', 'color', 'size', 'courier']);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('finds nothing in empty, emoji-only or plain chat text', () => {
    expect(extractEntities('')).toEqual([]);
    expect(ents('👍👍')).toEqual([]);
    expect(ents('亲 在吗')).toEqual([]);
  });

  it('finds every order number in a 5,000-character message without mistaking them', () => {
    const raw = '订单123456789012345678 170 60 '.repeat(200).slice(0, 5000);
    const found = extractEntities(normalise(raw).text);
    expect(found.filter((e) => e.kind === 'phone')).toEqual([]);
    expect(found.filter((e) => e.kind === 'orderId').length).toBeGreaterThan(50);
  });
});

describe('helpers', () => {
  it('parses Chinese numerals, spoken short forms included', () => {
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('一百二')).toBe(120);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('两百五')).toBe(250);
    expect(parseChineseNumber('七五')).toBe(75);
    expect(parseChineseNumber('百')).toBeUndefined();
  });

  it('reads a unitless weight as 斤 or kg by the BMI it would give', () => {
    expect(guessKg(120, 170)).toBe(60);
    expect(guessKg(65, 170)).toBe(65);
    expect(guessKg(100)).toBe(50);
    expect(guessKg(70)).toBe(70);
  });
});
