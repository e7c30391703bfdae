import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../../src/server/auth/sessions.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { opsExtension } from '../../../src/server/ops/extension.js';
import { rig, type Rig } from '../../bot/marketing/helpers.js';
import { createFakeBot } from '../helpers/fake-bot.js';
import { startServer, type Started } from '../helpers/start.js';
import { login, staffAuth } from './helpers.js';

let server: Started;
let r: Rig;
let ops: Record<string, string>;
let rep: Record<string, string>;
let buyers: { baby: string; sizer: string; sizerChat: string };
let auth: Auth;

beforeAll(async () => { auth = await staffAuth(); });

beforeEach(async () => {
  r = await rig();
  const [baby] = await r.chat(['我宝宝刚出生，有没有婴儿连体衣', '宝宝穿什么码']);
  const [sizer] = await r.chat(['身高170体重60kg穿什么码，电话13812345678']);
  buyers = { baby: baby!.buyerId, sizer: sizer!.buyerId, sizerChat: sizer!.sessionId };
  server = await startServer(createFakeBot(), { extensions: [authExtension(auth), opsExtension({ auth, marketing: r.marketing, clock: r.clock })] });
  ops = await login(server.http, 'olivia');
  rep = await login(server.http, 'rita');
});
afterEach(async () => { await server?.close(); });

const get = (path: string, headers: Record<string, string> = ops) => fetch(`${server.http}${path}`, { headers });
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = ops) =>
  fetch(`${server.http}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('operations API', () => {
  it('answers 401 without a login and 403 for staff without the ops role', async () => {
    for (const path of ['/api/ops/due', '/api/ops/buyers', '/api/ops/export?kind=events', '/api/ops/tag-counts']) {
      const anonymous = await get(path, {});
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect((await get(path, rep)).status).toBe(403);
    }
  });

  it('says who is logged in', async () => {
    expect(await (await get('/api/ops/me')).json()).toEqual({ user: 'olivia', name: '运营小欧', roles: ['ops'] });
  });

  it('lists a segment and one buyer profile', async () => {
    const res = await get(`/api/ops/buyers?tags=${encodeURIComponent('母婴,有过下单咨询')}`);
    const body = (await res.json()) as { segment: string; count: number; buyers: Array<{ buyerId: string }> };
    expect(body).toMatchObject({ segment: '母婴+有过下单咨询', count: 1 });
    expect(body.buyers.map((b) => b.buyerId)).toEqual([buyers.baby]);
    const profile = await (await get(`/api/ops/buyers/${buyers.sizer}`)).json();
    expect(profile).toMatchObject({ buyerId: buyers.sizer, chats: 1, handoffs: 0 });
    expect((await get('/api/ops/buyers/nobody')).status).toBe(404);
  });

  it('refuses a bad segment with bad_segment', async () => {
    const res = await get('/api/ops/buyers?idleDays=-3');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_segment' } });
  });

  it('gives the due list on day 30 and marks a follow-up done once', async () => {
    r.clock.day(30);
    const due = (await (await get('/api/ops/due')).json()) as { today: string; items: Array<{ buyerId: string; step: string }> };
    expect(due.today).toBe('2025-07-18');
    expect(due.items.map((d) => d.buyerId).sort()).toEqual([buyers.baby, buyers.sizer].sort());
    const done = await send('POST', '/api/ops/due/done', { buyerId: buyers.baby, step: 'coupon' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ kind: 'followup', buyerId: buyers.baby, step: 'coupon', by: 'olivia' });
    const again = await send('POST', '/api/ops/due/done', { buyerId: buyers.baby, step: 'coupon' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'not_due' } });
    expect((await send('POST', '/api/ops/due/done', { buyerId: buyers.sizer, step: 'later' })).status).toBe(400);
    const left = (await (await get('/api/ops/due')).json()) as { items: Array<{ buyerId: string }> };
    expect(left.items.map((d) => d.buyerId)).toEqual([buyers.sizer]);
  });

  it('exports tag events as an Excel-ready CSV download with phone numbers masked', async () => {
    const res = await get('/api/ops/export?kind=events&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tags-events-2025-06-18\.csv"; filename\*=UTF-8''/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).toContain(buyers.baby);
  });

  it('exports a segment and the due list as JSON', async () => {
    const seg = (await (await get(`/api/ops/export?kind=segment&format=json&tags=${encodeURIComponent('母婴')}`)).json()) as Array<{ buyerId: string }>;
    expect(seg.map((b) => b.buyerId)).toEqual([buyers.baby]);
    r.clock.day(30);
    const due = (await (await get('/api/ops/export?kind=due&format=json')).json()) as Array<{ stepName: string }>;
    expect(due.map((d) => d.stepName)).toEqual(['优惠券', '优惠券']);
  });

  it('refuses an unknown export kind or format with bad_export', async () => {
    for (const q of ['kind=everything', 'format=xlsx']) {
      const res = await get(`/api/ops/export?${q}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_export' } });
    }
  });

  it('gives tag counts per day and the week’s pain points', async () => {
    const counts = (await (await get('/api/ops/tag-counts?days=7')).json()) as { days: string[]; series: Array<{ tag: string; counts: number[] }> };
    expect(counts.days).toHaveLength(7);
    expect(counts.series.find((s) => s.tag === '有过下单咨询')?.counts.at(-1)).toBe(2);
    const pains = (await (await get('/api/ops/pain-points')).json()) as { days: number; items: Array<{ label: string; chats: number }> };
    expect(pains.days).toBe(7);
    expect(pains.items[0]).toMatchObject({ chats: 2 });
    expect((await get('/api/ops/tag-counts?days=0')).status).toBe(400);
  });
});

describe('rep tag endpoints', () => {
  it('lets a rep add a tag, which is logged with the rep and shows on the profile', async () => {
    const res = await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, { tag: '待回访', sessionId: buyers.sizerChat, message: '回访电话13812345678' }, rep);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ op: 'add', tag: '待回访', source: 'rep', by: 'rita', message: '回访电话138****5678' });
    const tags = (await (await get(`/api/rep/buyers/${buyers.sizer}/tags`, rep)).json()) as { tags: Array<{ tag: string; by?: string }> };
    expect(tags.tags.find((t) => t.tag === '待回访')).toMatchObject({ by: 'rita' });
    const csv = await (await get('/api/ops/export?kind=events&format=csv')).text();
    expect(csv).toMatch(/,待回访,rep,,rita,/);
  });

  it('lets a rep remove a tag', async () => {
    const res = await fetch(`${server.http}/api/rep/buyers/${buyers.baby}/tags/${encodeURIComponent('母婴')}`, { method: 'DELETE', headers: rep });
    expect(res.status).toBe(200);
    expect(r.marketing.profile(buyers.baby)?.tags.map((t) => t.tag)).not.toContain('母婴');
  });

  it('refuses bad tags, unknown buyers and staff without the rep role', async () => {
    const bad = await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, { tag: '13812345678' }, rep);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_tag' } });
    expect((await send('POST', '/api/rep/buyers/nobody/tags', { tag: '母婴' }, rep)).status).toBe(404);
    expect((await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, {}, rep)).status).toBe(400);
    expect((await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, { tag: '母婴' }, ops)).status).toBe(403);
    expect((await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, { tag: '母婴' }, {})).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a staff login used from another site', async () => {
    const res = await send('POST', '/api/ops/due/done', { buyerId: buyers.baby, step: 'coupon' }, { ...ops, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin' } });
    const tag = await send('POST', `/api/rep/buyers/${buyers.sizer}/tags`, { tag: '母婴' }, { ...rep, origin: 'https://evil.example' });
    expect(tag.status).toBe(403);
  });
});
