import { describe, expect, it } from 'vitest';
import { buildNote, intentsSeen } from '../../../src/bot/handoff/note.js';
import { testBot, testShop } from '../helpers.js';
import { turnAfter } from './helpers.js';

async function noteFor(messages: string[]) {
  const { bot, store } = await testBot();
  const input = await turnAfter(bot, store, messages);
  const decision = input.turn.decision;
  if (decision?.kind !== 'handoff') throw new Error(`no handoff for ${messages.join(' / ')}: ${JSON.stringify(decision)}`);
  return buildNote({ ...input, shop: testShop(), reason: decision.reason, ...(decision.detail ? { detail: decision.detail } : {}) });
}

describe('the rep note', () => {
  it('marks a bad-review threat as an angry buyer with a complaint, and suggests an apology that asks to listen', async () => {
    const note = await noteFor(['你们什么破服务，我要给差评']);
    expect(note.reason).toBe('bad_review_threat');
    expect(note.reasonText).toBe('差评/投诉威胁');
    expect(note.buyerType.angry).toBe(true);
    expect(note.buyerType.label).toContain('生气');
    expect(note.painPoint?.label).toBe('投诉');
    expect(note.suggestedLine).toMatch(/对不起|抱歉/);
    expect(note.suggestedLine).toContain('您慢慢说');
  });

  it('carries what the bot collected for a damaged parcel: order number, photo requested, the pain point', async () => {
    const note = await noteFor(['快递到了盒子压坏了', '123456789012345678']);
    expect(note.reason).toBe('compensation');
    expect(note.detail).toBe('damage');
    expect(note.collected.orderId).toBe('123456789012345678');
    expect(note.collected.photoRequested).toBe(true);
    expect(note.painPoint?.label).toBe('包裹破损');
    expect(note.intents).toEqual(expect.arrayContaining(['damage']));
    expect(note.suggestedLine).toContain('123456789012345678');
    expect(note.suggestedLine).toContain('照片');
  });

  it('lists size facts the buyer gave before asking for a person', async () => {
    const note = await noteFor(['170 60kg穿什么码', '转人工']);
    expect(note.reason).toBe('asked_for_human');
    expect(note.collected.sizeFacts).toEqual(expect.arrayContaining(['身高170cm', '体重60kg']));
    expect(note.intents).toEqual(['size', 'human']);
    expect(note.buyerType.messages).toBe(2);
    // 转人工 says nothing about what hurts; the note falls back to the chat's earlier question.
    expect(note.painPoint?.label).toBe('尺码拿不准');
  });

  it('names the member level for a VIP store rule and greets them as such', async () => {
    const note = await noteFor(['我是VIP会员，想问下尺码']);
    expect(note.reason).toBe('store_rule');
    expect(note.buyerType.memberLevel).toBe('VIP');
    expect(note.suggestedLine).toContain('尊敬的VIP');
  });

  it('leaves the pain point empty when the chat never said what hurts', async () => {
    const note = await noteFor(['在吗', '转人工']);
    expect(note.painPoint).toBeNull();
  });

  it('writes the suggested line in English for an English-speaking buyer', async () => {
    const note = await noteFor(['i want to talk to a real person']);
    expect(note.reason).toBe('asked_for_human');
    expect(note.suggestedLine).toMatch(/^Hi, this is a real person/);
  });

  it('writes the suggested line in traditional characters for a buyer who writes them', async () => {
    const note = await noteFor(['我要轉人工客服']);
    expect(note.suggestedLine).toContain('您好');
    expect(note.suggestedLine).toMatch(/處理|這|為/);
  });

  it('counts intents once, in the order they were first seen, without None', () => {
    const history = [
      { from: 'buyer' as const, text: 'a', at: 1, intent: 'size' as const },
      { from: 'bot' as const, text: 'b', at: 1, intent: 'color' as const },
      { from: 'buyer' as const, text: 'c', at: 2, intent: 'None' as const },
      { from: 'buyer' as const, text: 'd', at: 3, intent: 'size' as const },
    ];
    const turn = { sessionId: 's', buyerId: 'b', raw: 'x', at: 4, classification: { intent: 'human' as const, score: 1, ranking: [], ambiguous: false } };
    expect(intentsSeen(history, turn)).toEqual(['size', 'human']);
  });
});
