import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/intents/normalise.js';
import { segment } from '../../src/intents/segment.js';

const seg = (raw: string): string[] => segment(normalise(raw).text);

describe('segment: store Chinese', () => {
  it('cuts 可以开发票吗 so that 发票 survives', () => {
    expect(seg('可以开发票吗')).toEqual(['可以', '开', '发票', '吗']);
  });

  it('keeps store terms whole', () => {
    expect(seg('支持七天无理由退货吗')).toEqual(['支持', '七天无理由', '退货', '吗']);
    expect(seg('有运费险吗')).toEqual(['有', '运费险', '吗']);
    expect(seg('我想申请仅退款')).toEqual(['我', '想', '申请', '仅退款']);
    expect(seg('顺丰包邮吗')).toEqual(['顺丰', '包邮', '吗']);
    expect(seg('能开专票吗')).toEqual(['能', '开', '专票', '吗']);
  });

  it('does not glue a verb to the particle after it', () => {
    expect(seg('今天能发吗')).toEqual(['今天', '能', '发', '吗']);
    expect(seg('已经签收了但是没收到')).toEqual(['已经', '签收', '了', '但是', '没', '收到']);
  });

  it('gives the same tokens for traditional and simplified writing', () => {
    expect(seg('請問運費險怎麼退')).toEqual(seg('请问运费险怎么退'));
  });
});

describe('segment: numbers, English, symbols', () => {
  it('keeps numbers as their own tokens, decimals whole', () => {
    expect(seg('我170/60穿什么码')).toEqual(['我', '170', '60', '穿', '什么', '码']);
    expect(seg('身高1.75米')).toEqual(['身高', '1.75', '米']);
  });

  it('lower-cases and stems English words', () => {
    expect(seg('Shipping REFUNDS returned')).toEqual(['ship', 'refund', 'return']);
  });

  it('leaves short English words and sizes unstemmed', () => {
    expect(seg('ok XL sf 3XL')).toEqual(['ok', 'xl', 'sf', '3xl']);
  });

  it('splits mixed Chinese and English at the script boundary', () => {
    expect(seg('退货ok吗')).toEqual(['退货', 'ok', '吗']);
  });

  it('keeps t恤 as one word', () => {
    expect(seg('这件T恤有白色吗')).toEqual(['这件', 't恤', '有', '白色', '吗']);
  });

  it('drops symbols and emoji', () => {
    expect(seg('¥199？？😊')).toEqual(['199']);
    expect(seg('👍👍')).toEqual([]);
  });

  it('returns no tokens for empty text', () => {
    expect(segment('')).toEqual([]);
    expect(segment('   ')).toEqual([]);
  });
});

describe('segment: long input', () => {
  it('loses no Chinese character of a 5,000-character message', () => {
    const raw = '亲在吗 我170 60穿什么码 什么时候发货 顺丰包邮吗 '.repeat(200).slice(0, 5000);
    const { text } = normalise(raw);
    const tokens = segment(text);
    const han = (s: string): string => s.replace(/[^\p{Script=Han}]/gu, '');
    expect(han(tokens.join(''))).toBe(han(text));
    expect(tokens.length).toBeGreaterThan(500);
  });
});
