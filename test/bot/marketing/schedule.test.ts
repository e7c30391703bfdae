import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMarketing } from '../../../src/bot/marketing/index.js';
import { createFileTagStore } from '../../../src/bot/marketing/store/file.js';
import { rig, testClock, type Rig } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

const ORDER_QUESTION = ['身高170体重60kg穿什么码'];
const PURCHASE = ['我的快递到哪了 订单号 2025061812345678'];

/** Buyer ids per name, each starting a chat on the day given. */
async function buyers(r: Rig, plan: Array<[name: string, day: number, messages: string[]]>) {
  const ids: Record<string, string> = {};
  const sessions: Record<string, string> = {};
  for (const [name, day, messages] of plan) {
    r.clock.day(day);
    const [turn] = await r.chat(messages);
    ids[name] = turn!.buyerId;
    sessions[name] = turn!.sessionId;
  }
  return { ids, sessions };
}

const dueNow = (r: Rig, ids: Record<string, string>) => {
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return r.marketing.due().map((d) => `${names[d.buyerId]}:${d.step}`);
};

describe('the 30/60-day follow-up schedule on a simulated clock', () => {
  it('gives the coupon on day 30 and the offer on day 60 when nothing was bought, then stops', async () => {
    const r = await rig();
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION], ['bob', 10, ORDER_QUESTION], ['cat', 0, ['你好']]]);
    r.clock.day(29);
    expect(dueNow(r, ids)).toEqual([]);
    r.clock.day(30);
    expect(dueNow(r, ids)).toEqual(['ann:coupon']);
    await r.marketing.markDone({ buyerId: ids.ann!, step: 'coupon', by: 'ops' });
    expect(dueNow(r, ids)).toEqual([]);
    r.clock.day(40);
    expect(dueNow(r, ids)).toEqual(['bob:coupon']);
    r.clock.day(59);
    expect(dueNow(r, ids)).toEqual(['bob:coupon']); // still not done: it stays due
    r.clock.day(60);
    expect(dueNow(r, ids)).toEqual(['bob:coupon', 'ann:offer']);
    await r.marketing.markDone({ buyerId: ids.ann!, step: 'offer', by: 'ops' });
    r.clock.day(400);
    expect(dueNow(r, ids)).toEqual(['bob:coupon']);
  });

  it('counts days on the store calendar: a question at 23:00 Beijing time is due on day 30 from midnight', async () => {
    const start = Date.UTC(2025, 5, 18, 15, 0); // 23:00 in Beijing
    const r = await rig(undefined, testClock(start));
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    r.clock.set(start + 30 * 86_400_000 - 22 * 3_600_000); // 01:00 Beijing time, 30 calendar days later
    expect(dueNow(r, ids)).toEqual(['ann:coupon']);
    r.clock.set(start + 30 * 86_400_000 - 24 * 3_600_000 - 3_600_000); // 22:00 the day before
    expect(dueNow(r, ids)).toEqual([]);
  });

  it('sends no offer to a buyer who bought after the coupon', async () => {
    const r = await rig();
    const { ids, sessions } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    r.clock.day(30);
    await r.marketing.markDone({ buyerId: ids.ann!, step: 'coupon', by: 'ops' });
    r.clock.day(35);
    await r.say(sessions.ann!, PURCHASE);
    r.clock.day(60);
    expect(dueNow(r, ids)).toEqual([]);
  });

  it('keeps 30 days between a late coupon and the offer', async () => {
    const r = await rig();
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    r.clock.day(45);
    await r.marketing.markDone({ buyerId: ids.ann!, step: 'coupon', by: 'ops' });
    r.clock.day(74);
    expect(dueNow(r, ids)).toEqual([]);
    r.clock.day(75);
    expect(dueNow(r, ids)).toEqual(['ann:offer']);
  });

  it('starts the clock at the first order question, not a later one', async () => {
    const r = await rig();
    const { ids, sessions } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    r.clock.day(20);
    await r.say(sessions.ann!, ['今天能发货吗', '有黑色吗']);
    r.clock.day(30);
    expect(dueNow(r, ids)).toEqual(['ann:coupon']);
  });

  it('plans nothing once a rep removes the order-question tag', async () => {
    const r = await rig();
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    await r.marketing.removeTag({ buyerId: ids.ann!, tag: '有过下单咨询', by: 'rep1' });
    r.clock.day(30);
    expect(dueNow(r, ids)).toEqual([]);
  });

  it('refuses to mark a step done that is not due', async () => {
    const r = await rig();
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION]]);
    r.clock.day(29);
    await expect(r.marketing.markDone({ buyerId: ids.ann!, step: 'coupon', by: 'ops' })).rejects.toMatchObject({ code: 'not_due' });
    r.clock.day(30);
    await expect(r.marketing.markDone({ buyerId: ids.ann!, step: 'offer', by: 'ops' })).rejects.toMatchObject({ code: 'not_due' });
  });

  it('remembers what was marked done across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kefu-schedule-'));
    dirs.push(dir);
    const file = join(dir, 'events.jsonl');
    const clock = testClock();
    const r = await rig(createFileTagStore({ file }), clock);
    const { ids } = await buyers(r, [['ann', 0, ORDER_QUESTION], ['bob', 0, ORDER_QUESTION]]);
    clock.day(30);
    await r.marketing.markDone({ buyerId: ids.ann!, step: 'coupon', by: 'ops' });
    await r.marketing.close();
    const again = await openMarketing({ store: createFileTagStore({ file }), clock });
    expect(again.due().map((d) => [d.buyerId, d.step])).toEqual([[ids.bob, 'coupon']]);
    await again.close();
  });
});
