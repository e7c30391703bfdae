import { describe, expect, it } from 'vitest';
import type { Entity, Normalised, Script } from '../../../src/intents/types.js';
import { badReviewThreat, detectMood, moodScores } from '../../../src/bot/extract/mood.js';

/** A Normalised value as the normaliser hands it over: traditional input already simplified, lower-case. */
const n = (text: string, script: Script = 'hans', emoji: string[] = []): Normalised => ({ raw: text, text, script, emoji });

describe('detectMood', () => {
  it.each([
    ['什么破质量 垃圾'],
    ['气死我了 到现在还没发货'],
    ['你们就是骗子'],
    ['坑人的店'],
    ['质量太差了 我要差评'],
    ['真的无语 催了三次了'],
    ['我要投诉你们'],
    ['再不发货我就投诉'],
    ['不退钱我就打12315'],
    ['我要举报你们'],
    ['退钱 马上'],
    ['太生气了'],
    ['什么玩意儿 黑店'],
  ])('reads simplified %s as angry', (text) => {
    expect(detectMood(n(text), [])).toBe('angry');
  });

  it.each([
    ['什么破质量 垃圾'],
    ['你们是骗子吧'],
    ['再不退款我就去消协'],
    ['太过分了 态度很差'],
  ])('reads traditional input (arriving simplified) %s as angry', (text) => {
    expect(detectMood(n(text, 'hant'), [])).toBe('angry');
  });

  it.each([
    ['this is a scam'],
    ['worst store ever'],
    ['wtf where is my parcel'],
    ['terrible service i will report you'],
    ['im so angry right now'],
    ['ridiculous i want a refund now'],
  ])('reads English %s as angry', (text) => {
    expect(detectMood(n(text, 'en'), [])).toBe('angry');
  });

  it.each([
    ['有点失望'],
    ['收到了好难过 碎了'],
    ['无语'],
    ['不太满意'],
    ['唉 怎么办'],
    ['都三天了还没发货'],
    ['i am a bit disappointed', 'en'],
    ['so sad the cup is broken', 'en'],
  ] as Array<[string, Script?]>)('reads %s as upset', (text, script = 'hans') => {
    expect(detectMood(n(text, script), [])).toBe('upset');
  });

  it.each([
    ['谢谢亲 很满意'],
    ['收到了 太好了 给好评'],
    ['衣服很好看 喜欢'],
    ['辛苦了 谢谢'],
    ['thanks so much love it', 'en'],
    ['perfect thank you', 'en'],
    ['谢谢 给力', 'hant'],
  ] as Array<[string, Script?]>)('reads %s as happy', (text, script = 'hans') => {
    expect(detectMood(n(text, script), [])).toBe('happy');
  });

  it.each([
    ['在吗'],
    ['170 60kg穿什么码'],
    ['有黑色吗'],
    ['发到广州几天'],
    ['麻烦帮我看一下订单'],
    ['do you ship to hong kong', 'en'],
    ['what size for 170cm', 'en'],
  ] as Array<[string, Script?]>)('reads a plain question %s as neutral', (text, script = 'hans') => {
    expect(detectMood(n(text, script), [])).toBe('neutral');
  });

  it.each([
    ['没生气 就问一下'],
    ['我不生气'],
    ['放心不会给差评的'],
    ['我不会给你差评'],
    ['质量不差 挺好'],
    ['im not angry just asking', 'en'],
    ['it is not a scam right', 'en'],
  ] as Array<[string, Script?]>)('does not read the negated %s as angry', (text, script = 'hans') => {
    expect(detectMood(n(text, script), [])).not.toBe('angry');
  });

  it('keeps 不退钱 angry: a refusal to refund is no negation of anger', () => {
    expect(detectMood(n('为什么不退钱 你们'), [])).toBe('angry');
  });

  it('weighs an intensified word more than the plain word', () => {
    expect(moodScores(n('真的无语'), []).anger).toBeGreaterThan(moodScores(n('无语'), []).anger);
    expect(detectMood(n('无语'), [])).toBe('upset');
    expect(detectMood(n('真的无语'), [])).toBe('angry');
  });

  it('reads mood from emoji when the words say nothing', () => {
    expect(detectMood(n('发货了吗', 'hans', ['😡']), [])).toBe('angry');
    expect(detectMood(n('', 'hans', ['🤬']), [])).toBe('angry');
    expect(detectMood(n('', 'hans', ['😤']), [])).toBe('angry');
    expect(detectMood(n('快递还没到', 'hans', ['😭']), [])).toBe('upset');
    expect(detectMood(n('收到了', 'hans', ['😊']), [])).toBe('happy');
    expect(detectMood(n('ok', 'en', ['👍🏻']), [])).toBe('happy');
  });

  it('ignores a mood word that is part of an order number', () => {
    const text = '订单号 2023123150001';
    const orderId: Entity = { kind: 'orderId', value: '2023123150001', text: '2023123150001', start: 4, end: text.length };
    expect(detectMood(n(text), [orderId])).toBe('neutral');
  });

  it('does not mistake 麻烦 (please) or 我妈的生日 for anger', () => {
    expect(detectMood(n('麻烦帮我改一下地址'), [])).toBe('neutral');
    expect(detectMood(n('我妈的生日快到了'), [])).toBe('neutral');
  });
});

describe('badReviewThreat', () => {
  it.each([
    ['不发货就给差评'],
    ['我要投诉'],
    ['我要去举报你们'],
    ['打12315'],
    ['我要找平台'],
    ['申请小二介入'],
    ['i will open a dispute', 'en'],
    ['i will report you', 'en'],
    ['leaving a bad review', 'en'],
    ['再不退款就差评', 'hant'],
  ] as Array<[string, Script?]>)('sees a threat in %s', (text, script = 'hans') => {
    expect(badReviewThreat(n(text, script))).toBe(true);
  });

  it.each([
    ['放心不会给差评'],
    ['我不想投诉 就想快点收到'],
    ['尺码偏大吗'],
    ['订单号 2023123150001'],
    ['能用工商银行卡付款吗'],
    ['i wont leave a bad review', 'en'],
    ['good product', 'en'],
  ] as Array<[string, Script?]>)('sees no threat in %s', (text, script = 'hans') => {
    expect(badReviewThreat(n(text, script))).toBe(false);
  });
});
