import { describe, expect, it } from 'vitest';
import { BOM, formatRows, localTime } from '../../../src/bot/marketing/csv.js';
import { openMarketing, type Marketing } from '../../../src/bot/marketing/index.js';
import { createMemoryTagStore } from '../../../src/bot/marketing/store/memory.js';
import type { MarketingEvent } from '../../../src/bot/marketing/types.js';
import { rig } from './helpers.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

/** A log written by an older version that did not mask yet: the export must still not leak. */
const UNMASKED: MarketingEvent[] = [
  { kind: 'turn', buyerId: 'b1', sessionId: 's1', intent: 'size', handoff: null, pain: null, at: Date.UTC(2025, 5, 18, 2) },
  {
    kind: 'tag', op: 'add', buyerId: 'b1', sessionId: 's1', tag: '母婴', source: 'rule', because: '宝宝',
    message: '宝宝穿, "急" 电话 138-1234-5678，收件人张三，地址杭州市西湖区文三路100号', at: Date.UTC(2025, 5, 18, 2),
  },
  { kind: 'tag', op: 'add', buyerId: 'b1', sessionId: null, tag: '=HYPERLINK("x")', source: 'rep', by: 'rep1', message: '+8613812345678', at: Date.UTC(2025, 5, 18, 3) },
];

async function legacy(): Promise<Marketing> {
  return openMarketing({ store: createMemoryTagStore(UNMASKED), clock: () => Date.UTC(2025, 5, 19) });
}

describe('exports', () => {
  it('masks phone numbers, names and addresses in the CSV export', async () => {
    const csv = await text((await legacy()).exportChunks('events', 'csv'));
    expect(csv).not.toMatch(/1234-?5678|13812345678/);
    expect(csv).toContain('138****5678');
    expect(csv).toContain('张*');
    expect(csv).toContain('杭州市****');
    expect(csv).not.toContain('文三路');
  });

  it('masks phone numbers in the JSON export too', async () => {
    const rows = JSON.parse(await text((await legacy()).exportChunks('events', 'json'))) as Array<{ message: string }>;
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.message).join(' ')).not.toMatch(/1234-?5678|13812345678/);
    expect(rows[1]!.message).toBe('+86138****5678');
  });

  it('writes CSV as UTF-8 with a BOM, CRLF lines, Chinese headers, quoted cells and local times', async () => {
    const csv = await text((await legacy()).exportChunks('events', 'csv'));
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('时间,买家ID,会话ID,操作,标签,来源,依据,操作人,消息');
    expect(lines[1]).toBe('2025-06-18 10:00:00,b1,s1,add,母婴,rule,宝宝,,"宝宝穿, ""急"" 电话 138****5678，收件人张*，地址杭州市****"');
    expect(lines.at(-1)).toBe('');
  });

  it('defuses cells Excel would run as formulas', async () => {
    const csv = await text((await legacy()).exportChunks('events', 'csv'));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'+86138****5678`);
  });

  it('exports a segment as one row per buyer with their current tags', async () => {
    const r = await rig();
    const [turn] = await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    await r.chat(['身高170体重60kg穿什么码']);
    const rows = JSON.parse(await text(r.marketing.exportChunks('segment', 'json', { all: ['母婴'] }))) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ buyerId: turn!.buyerId, chats: 1, handoffs: 0, firstContact: localTime(r.clock()) });
    expect(String(rows[0]!.tags).split('、')).toEqual(expect.arrayContaining(['母婴', '童装']));
  });

  it('exports the due list with the step in Chinese', async () => {
    const r = await rig();
    const [turn] = await r.chat(['身高170体重60kg穿什么码']);
    r.clock.day(30);
    const csv = await text(r.marketing.exportChunks('due', 'csv'));
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${turn!.buyerId},coupon,优惠券,`);
  });

  it('narrows the event export to a segment', async () => {
    const r = await rig();
    const [baby] = await r.chat(['我宝宝刚出生，有没有婴儿连体衣']);
    await r.chat(['身高170体重60kg穿什么码']);
    const rows = JSON.parse(await text(r.marketing.exportChunks('events', 'json', { all: ['母婴'] }))) as Array<{ buyerId: string }>;
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((x) => x.buyerId))).toEqual(new Set([baby!.buyerId]));
  });

  it('writes an empty export as a header only, or an empty JSON array', async () => {
    const empty = await openMarketing({ store: createMemoryTagStore() });
    expect(await text(empty.exportChunks('due', 'csv'))).toBe(`${BOM}买家ID,跟进,跟进内容,应跟进日期,首次下单咨询,最近咨询,标签\r\n`);
    expect(JSON.parse(await text(empty.exportChunks('due', 'json')))).toEqual([]);
  });

  it('splits a long export into chunks that join into valid JSON', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => ({ n: i }));
    const chunks: string[] = [];
    for await (const c of formatRows([rows.slice(0, 1000), rows.slice(1000)], [{ key: 'n', header: 'n', value: (r) => r.n }], 'json')) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(2);
    expect(JSON.parse(chunks.join(''))).toEqual(rows);
  });
});
