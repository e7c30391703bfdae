import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstRule, loadHandoffRules, withHandoffRules } from '../../../src/bot/handoff/rules.js';
import { converse, ROOT, said, testBot, testNlu, testShop } from '../helpers.js';

const rules = loadHandoffRules(join(ROOT, 'data', 'handoff-rules.json'));

async function inputFor(text: string, memberLevel: string | null = null) {
  const nlu = await testNlu();
  const norm = nlu.normalise(text);
  return { text: norm.text, entities: nlu.extract(norm), memberLevel, intents: [nlu.classify(norm).intent] };
}

describe('store handoff rules (data/handoff-rules.json)', () => {
  it('sends big amounts to a person and leaves small ones and promotion thresholds to the bot', async () => {
    expect(firstRule(rules, await inputFor('我买了1500块的大衣，盒子压坏了'))?.note.zh).toBe('大额订单由人工客服专门跟进');
    expect(firstRule(rules, await inputFor('订单金额两千元'))?.minAmount).toBe(1000);
    expect(firstRule(rules, await inputFor('我买了199元的卫衣'))).toBeNull();
    expect(firstRule(rules, await inputFor('满199减20吗'))).toBeNull();
  });

  it('always sends VIP and premium VIP buyers to a person, not ordinary members', async () => {
    expect(firstRule(rules, await inputFor('尺码怎么选', 'vip'))?.memberLevels).toContain('vip');
    expect(firstRule(rules, await inputFor('尺码怎么选', 'svip'))).not.toBeNull();
    expect(firstRule(rules, await inputFor('尺码怎么选', 'normal'))).toBeNull();
  });

  it('sends wholesale and custom orders to a person by keyword, in English too', async () => {
    expect(firstRule(rules, await inputFor('我想批发100件'))?.keywords).toContain('批发');
    expect(firstRule(rules, await inputFor('Do you take a bulk order?'))).not.toBeNull();
  });

  it('refuses a rule with no condition, naming where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-rules-'));
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ rules: [{ note: { zh: '好', en: 'ok' } }] }));
    expect(() => loadHandoffRules(file)).toThrow(/rules\.0.*at least one of minAmount/);
  });
});

describe('store handoff rules in the running bot', () => {
  it('hands a big order to a person with the rule note, and tells the buyer why', async () => {
    const shop = withHandoffRules(testShop(), rules);
    const { bot } = await testBot({ shop });
    const { last } = await converse(bot, ['我买了1500块的大衣，想问下尺码']);
    expect(last.decision).toEqual({ kind: 'handoff', reason: 'store_rule', detail: '大额订单由人工客服专门跟进' });
    expect(said(last)).toContain('大额订单由人工客服专门跟进');
  });

  it('adds each rule once: the VIP rule store.json already has is not repeated', () => {
    const shop = withHandoffRules(testShop(), rules);
    expect(shop.handoff.rules.filter((r) => r.note.zh.startsWith('VIP')).length).toBe(1);
    expect(shop.handoff.rules.length).toBe(testShop().handoff.rules.length + 2);
  });
});
