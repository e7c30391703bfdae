import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity, EntityKind, IntentId, Normalised, Script } from '../../../src/intents/types.js';
import { extractTags, loadTagRules, TagRuleError, type TagRule } from '../../../src/bot/extract/tags.js';

const RULES_FILE = join(import.meta.dirname, '../../../data/tag-rules.json');
const rules = loadTagRules(RULES_FILE);
const tmp = mkdtempSync(join(tmpdir(), 'tag-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const n = (text: string, script: Script = 'hans'): Normalised => ({ raw: text, text, script, emoji: [] });
/** An entity as the extractor reports it, located in the text by its matched words. */
const e = (text: string, kind: EntityKind, value: string | number, matched: string): Entity => {
  const start = text.indexOf(matched);
  if (start < 0) throw new Error(`${matched} is not in ${text}`);
  return { kind, value, text: matched, start, end: start + matched.length };
};
const tagsOf = (text: string, opts: { script?: Script; intent?: IntentId; entities?: Entity[] } = {}): string[] =>
  extractTags({ norm: n(text, opts.script), entities: opts.entities ?? [], intent: opts.intent ?? 'product_info', rules })
    .map((t) => t.tag);

describe('extractTags: life stage and gifts', () => {
  it.each([
    ['我女朋友生日想送她一件', 'hans', ['送礼', '送女友']],
    ['我女朋友生日想送她一件', 'hant', ['送礼', '送女友']],
    ['buying a gift for my dad', 'en', ['送礼', '送父亲']],
    ['想买个礼物送给我妈', 'hans', ['送礼', '送母亲']],
    ['母亲节礼物推荐一下', 'hant', ['送礼', '送母亲']],
    ['朋友刚生宝宝送什么好', 'hans', ['送礼', '送朋友', '母婴']],
    ['给老公买的生日礼物', 'hans', ['送礼', '送老公']],
    ['送老婆的 她平时穿s', 'hans', ['送礼', '送老婆']],
    ['a birthday present for my wife', 'en', ['送礼', '送老婆']],
    ['gift for my son he is 5', 'en', ['送礼', '送孩子']],
    ['男朋友生日送什么', 'hant', ['送礼', '送男友']],
    ['宝宝刚出生', 'hans', ['母婴']],
    ['寶寶剛出生 (arrives as) 宝宝刚出生', 'hant', ['母婴']],
    ['怀孕了穿什么码', 'hans', ['孕妇']],
    ['im pregnant which size', 'en', ['孕妇']],
    ['我是学生 有学生价吗', 'hans', ['学生']],
    ['开学穿的 宿舍', 'hant', ['学生']],
    ['my newborn baby', 'en', ['母婴']],
  ] as Array<[string, Script, string[]]>)('tags %s (%s) with %j', (text, script, expected) => {
    const tags = tagsOf(text.replace(/^.*\(arrives as\) /, ''), { script });
    for (const tag of expected) expect(tags).toContain(tag);
  });

  it('names no recipient and no gift when a girlfriend is only mentioned', () => {
    const tags = tagsOf('我女朋友说尺码小了');
    expect(tags).not.toContain('送礼');
    expect(tags).not.toContain('送女友');
  });

  it('does not read 女朋友 as 送朋友', () => {
    expect(tagsOf('送女朋友的礼物')).not.toContain('送朋友');
  });

  it('does not tag a gift when the buyer says it is for themselves', () => {
    const tags = tagsOf('不是送人的 自己穿');
    expect(tags).not.toContain('送礼');
    expect(tags).toContain('自用');
  });

  it('does not read a missing free gift as a gift purchase', () => {
    expect(tagsOf('the free gift is missing', { script: 'en' })).not.toContain('送礼');
  });
});

describe('extractTags: body facts and preferences from entities', () => {
  it('turns height, weight and foot length into tags in canonical units', () => {
    const text = '170 60kg 脚长25cm';
    const tags = tagsOf(text, {
      entities: [e(text, 'height', 170, '170'), e(text, 'weight', 60, '60kg'), e(text, 'footLength', 25, '脚长25cm')],
    });
    expect(tags).toEqual(expect.arrayContaining(['身高170', '体重60kg', '脚长25cm']));
  });

  it('writes a weight given in jin as kilograms (the extractor converts 110斤 to 55)', () => {
    const text = '165cm 110斤';
    const tags = tagsOf(text, { entities: [e(text, 'height', 165, '165cm'), e(text, 'weight', 55, '110斤')] });
    expect(tags).toEqual(expect.arrayContaining(['身高165', '体重55kg']));
  });

  it.each([
    ['我平时穿m 这款拿什么码', 'hans', 'm'],
    ['一般都穿l', 'hant', 'l'],
    ['i usually wear a m', 'en', 'm'],
  ] as Array<[string, Script, string]>)('tags the usual size in %s', (text, script, matched) => {
    const tags = tagsOf(text, { script, entities: [e(text, 'size', matched.toUpperCase(), matched)] });
    expect(tags.some((t) => t.startsWith('平时穿'))).toBe(true);
  });

  it('does not take a size asked about in stock as the usual size', () => {
    const text = 'l码还有货吗';
    expect(tagsOf(text, { intent: 'stock', entities: [e(text, 'size', 'L', 'l码')] }).join()).not.toMatch(/平时穿/);
  });

  it('tags one shoe size but not two sizes being compared', () => {
    const one = '38码的有吗';
    expect(tagsOf(one, { entities: [e(one, 'shoeSize', 38, '38码')] })).toContain('鞋码38');
    const two = '38还是39';
    const tags = tagsOf(two, { entities: [e(two, 'shoeSize', 38, '38'), e(two, 'shoeSize', 39, '39')] });
    expect(tags.join()).not.toMatch(/鞋码/);
    expect(tags).toContain('鞋类');
  });

  it.each([
    ['喜欢黑色的', 'hans', '黑色'],
    ['有黑色吗', 'hans', '黑色'],
    ['黑色还有吗', 'hant', '黑色'],
    ['想要白色', 'hant', '白色'],
    ['能换成蓝色吗', 'hans', '蓝色'],
    ['do you have it in black', 'en', 'black'],
    ['i like the black one', 'en', 'black'],
  ] as Array<[string, Script, string]>)('tags a wanted colour in %s', (text, script, matched) => {
    const id = { 黑色: 'black', 白色: 'white', 蓝色: 'blue', black: 'black' }[matched] ?? matched;
    const name = { black: '黑色', white: '白色', blue: '蓝色' }[id];
    expect(tagsOf(text, { script, entities: [e(text, 'color', id, matched)] })).toContain(`偏好${name}`);
  });

  it.each([
    ['不喜欢黑色'],
    ['我买的黑色 收到是白色'],
    ['黑色和白色哪个好看'],
    ['颜色洗了掉得厉害 黑色的'],
  ])('does not tag a colour that is not wanted in %s', (text) => {
    const entities = ['黑色', '白色'].filter((c) => text.includes(c)).map((c) => e(text, 'color', c === '黑色' ? 'black' : 'white', c));
    expect(tagsOf(text, { entities }).join()).not.toMatch(/偏好/);
  });
});

describe('extractTags: preferences, categories, price, overseas, after-sale', () => {
  it.each([
    ['喜欢宽松一点的', 'hans', '喜欢宽松'],
    ['i like oversized hoodies', 'en', '喜欢宽松'],
    ['想要修身的', 'hant', '喜欢修身'],
    ['口红什么色号好看', 'hans', '美妆'],
    ['這款面膜 (arrives as) 这款面膜', 'hant', '美妆'],
    ['童装有没有', 'hans', '童装'],
    ['耳机支持蓝牙吗', 'hans', '数码'],
    ['does this phone case fit', 'en', '数码'],
    ['这双鞋偏大吗', 'hans', '鞋类'],
    ['are the sneakers true to size', 'en', '鞋类'],
    ['连衣裙有m吗', 'hant', '女装'],
    ['男款有吗', 'hans', '男装'],
    ['能便宜点吗', 'hans', '价格敏感'],
    ['有没有优惠券', 'hant', '价格敏感'],
    ['any coupon', 'en', '价格敏感'],
    ['能发香港吗', 'hant', '海外买家'],
    ['寄到台湾要几天', 'hant', '海外买家'],
    ['do you ship to malaysia', 'en', '海外买家'],
    ['支持集运吗', 'hans', '海外买家'],
    ['老客户了 有优惠吗', 'hans', '老客户'],
  ] as Array<[string, Script, string]>)('tags %s (%s) with %s', (text, script, tag) => {
    expect(tagsOf(text.replace(/^.*\(arrives as\) /, ''), { script })).toContain(tag);
  });

  it.each([
    ['日本进口的吗', '海外买家'],
    ['改一下手机号', '数码'],
    ['发到贵州几天', '价格敏感'],
    ['第一次买 没买过', '老客户'],
    ['不要宽松的', '喜欢宽松'],
  ])('does not tag %s with %s', (text, tag) => {
    expect(tagsOf(text)).not.toContain(tag);
  });

  it('tags English-writing buyers as overseas buyers', () => {
    expect(tagsOf('what size should i get', { script: 'en' })).toContain('海外买家');
    expect(tagsOf('穿什么码')).not.toContain('海外买家');
  });

  it('tags a bargaining message as price sensitive from its intent alone', () => {
    expect(tagsOf('双十一有活动吗', { intent: 'discount' })).toContain('价格敏感');
  });

  it('tags return and refund intents as 有过退货 and threats as 有过差评风险', () => {
    expect(tagsOf('不合适能退吗', { intent: 'return_exchange' })).toContain('有过退货');
    expect(tagsOf('退款什么时候到账', { intent: 'refund' })).toContain('有过退货');
    expect(tagsOf('退款什么时候到账', { intent: 'tracking' })).not.toContain('有过退货');
    expect(tagsOf('再不发货就差评', { intent: 'complaint' })).toContain('有过差评风险');
    expect(tagsOf('放心不会差评', { intent: 'farewell' })).not.toContain('有过差评风险');
  });

  it('gives each tag once and says what produced it', () => {
    const text = '送女朋友的生日礼物';
    const hits = extractTags({ norm: n(text), entities: [], intent: 'recommendation', rules });
    expect(hits.filter((h) => h.tag === '送礼')).toHaveLength(1);
    expect(hits.find((h) => h.tag === '送女友')).toEqual({ tag: '送女友', source: 'rule', because: '女朋友' });
  });

  it('gives out-of-scope messages (None) no marketing tags, but still flags a threat', () => {
    expect(tagsOf('免费送面膜 加微信即可', { intent: 'None' })).toEqual([]);
    expect(tagsOf('免费送面膜 加微信即可', { intent: 'product_info' })).toContain('美妆');
    const text = '身高170 帮我写首诗';
    expect(tagsOf(text, { intent: 'None', entities: [e(text, 'height', 170, '170')] })).toEqual([]);
    expect(tagsOf('我要投诉', { intent: 'None' })).toEqual(['有过差评风险']);
  });

  it('does not read a free gift, a member birthday perk or a gift card as a gift purchase', () => {
    expect(tagsOf('说好的小礼品没有看到', { intent: 'wrong_item' })).not.toContain('送礼');
    expect(tagsOf('会员生日有礼物吗', { intent: 'membership' })).not.toContain('送礼');
    expect(tagsOf('礼品卡怎么用来付款', { intent: 'payment' })).not.toContain('送礼');
    expect(tagsOf('买这个送什么吗', { intent: 'discount' })).not.toContain('送礼');
  });

  it('tags nothing in a plain greeting', () => {
    expect(tagsOf('在吗', { intent: 'greeting' })).toEqual([]);
  });
});

describe('tag rules are data', () => {
  it('a rule added to a copy of data/tag-rules.json gives its tag without code', () => {
    const file = join(tmp, 'with-new-rule.json');
    copyFileSync(RULES_FILE, file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: TagRule[] };
    data.rules.push({ tag: '露营', any: ['露营', '帐篷', 'camping'] });
    writeFileSync(file, JSON.stringify(data));
    const more = loadTagRules(file);
    const tags = extractTags({ norm: n('周末去露营穿哪件'), entities: [], intent: 'recommendation', rules: more });
    expect(tags.map((t) => t.tag)).toContain('露营');
    expect(tagsOf('周末去露营穿哪件')).not.toContain('露营');
  });

  it('a rule with intent and entity conditions fires only when both hold', () => {
    const rule: TagRule = { tag: '身材咨询', intent: ['size'], entity: 'height' };
    const text = '170穿什么码';
    const run = (intent: IntentId, entities: Entity[]): string[] =>
      extractTags({ norm: n(text), entities, intent, rules: [rule] }).map((t) => t.tag);
    const height = e(text, 'height', 170, '170');
    expect(run('size', [height])).toContain('身材咨询');
    expect(run('stock', [height])).not.toContain('身材咨询');
    expect(run('size', [])).not.toContain('身材咨询');
  });

  it('a rule written in traditional characters or capitals still matches the cleaned text', () => {
    const rule: TagRule = { tag: '送礼', any: ['禮物', 'GIFT'] };
    const tags = (text: string): string[] =>
      extractTags({ norm: n(text), entities: [], intent: 'recommendation', rules: [rule] }).map((t) => t.tag);
    expect(tags('生日礼物')).toEqual(['送礼']);
    expect(tags('a gift')).toEqual(['送礼']);
  });

  it('a * in a word stands for a few characters', () => {
    const rule: TagRule = { tag: '送长辈', any: ['送*奶奶'] };
    const tags = (text: string): string[] =>
      extractTags({ norm: n(text), entities: [], intent: 'recommendation', rules: [rule] }).map((t) => t.tag);
    expect(tags('想送给我奶奶')).toEqual(['送长辈']);
    expect(tags('奶奶说送货太慢了 我们要等很久很久')).toEqual([]);
  });

  const bad = (rulesJson: unknown): string => {
    const file = join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ rules: rulesJson }));
    try {
      loadTagRules(file);
    } catch (err) {
      expect(err).toBeInstanceOf(TagRuleError);
      expect((err as TagRuleError).code).toBe('TAG_RULE_INVALID');
      return (err as Error).message;
    }
    throw new Error('the bad rule file was accepted');
  };

  it('a rule file with a bad rule gives an error naming the rule and the problem', () => {
    const good = { tag: '母婴', any: ['宝宝'] };
    expect(bad([good, { tag: '送女友', anyy: ['女朋友'] }])).toMatch(/rule 2 \(tag "送女友"\): unknown field "anyy"/);
    expect(bad([good, { tag: '退货', intent: ['returns'] }])).toMatch(/rule 2 \(tag "退货"\): "intent" has unknown intent "returns"/);
    expect(bad([{ tag: '送礼', any: ['礼物'], notIntent: ['member'] }])).toMatch(/"notIntent" has unknown intent "member"/);
    expect(bad([{ any: ['宝宝'] }])).toMatch(/rule 1: "tag" must be a non-empty string/);
    expect(bad([{ tag: '母婴' }])).toMatch(/rule 1 \(tag "母婴"\): has no condition/);
    expect(bad([{ tag: '送母亲', needsTag: '送礼', any: ['妈妈'] }])).toMatch(/"needsTag" "送礼" is not given by an earlier rule/);
    expect(bad([{ tag: '节日', any: ["mother's day"] }])).toMatch(/word "mother's day" has punctuation/);
    expect(bad([{ tag: '身材', entity: 'bust' }])).toMatch(/"entity" "bust" is not one of/);
    expect(bad([{ tag: '英文', script: ['english'] }])).toMatch(/"script" must be a non-empty list/);
    expect(bad([{ tag: '母婴', any: [] }])).toMatch(/"any" must be a non-empty list/);
  });

  it('a file that is not JSON gives an error naming the file', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{ "rules": [ { "tag": "母婴", } ] }');
    expect(() => loadTagRules(file)).toThrow(/broken\.json: cannot read the rule file/);
  });
});
