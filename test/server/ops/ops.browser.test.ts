/** The operations page in real headless Chromium against the real server (staff login, ops routes, a filled log). */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openMarketing, type Marketing } from '../../../src/bot/marketing/index.js';
import { createMemoryTagStore } from '../../../src/bot/marketing/store/memory.js';
import type { MarketingEvent } from '../../../src/bot/marketing/types.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { opsExtension } from '../../../src/server/ops/extension.js';
import { createFakeBot } from '../helpers/fake-bot.js';
import { startServer, type Started } from '../helpers/start.js';
import { PASSWORD, staffAuth } from './helpers.js';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const DAY = 86_400_000;
/** 10:00 Beijing time on 18 July 2025: "today" on the page. */
const NOW = Date.UTC(2025, 6, 18, 2, 0);
const TAGS = ['母婴', '送礼', '身高170', '偏好黑色', '价格敏感', '学生', '海外买家'];
const PAINS = ['尺码不合适', '物流慢', '色差', '质量问题'];

/** 60 buyers over the last 40 days; those who asked on day -30 are due a coupon today. */
function history(): MarketingEvent[] {
  const events: MarketingEvent[] = [];
  for (let i = 0; i < 60; i++) {
    const at = NOW - (i % 40) * DAY - (i % 5) * 3_600_000;
    const buyerId = `buyer-${String(i).padStart(3, '0')}-${'x'.repeat(24)}`;
    const sessionId = `chat-${i}`;
    events.push({ kind: 'turn', buyerId, sessionId, intent: 'size', handoff: i % 9 === 0 ? 'complaint' : null, pain: PAINS[i % (i % 3 === 0 ? 1 : 4)]!, at });
    const tags = [TAGS[i % TAGS.length]!, TAGS[(i * 3) % TAGS.length]!, '有过下单咨询', i === 30 ? '<b>不是粗体</b>' : '新客'];
    for (const tag of new Set(tags)) {
      events.push({ kind: 'tag', op: 'add', buyerId, sessionId, tag, source: 'rule', message: `身高170 电话1381234${String(5000 + i)}`, at });
    }
  }
  return events;
}

let server: Started;
let browser: Browser;
let marketing: Marketing;

beforeAll(async () => {
  const auth = await staffAuth();
  marketing = await openMarketing({ store: createMemoryTagStore(history()), clock: () => NOW });
  server = await startServer(createFakeBot(), { extensions: [authExtension(auth), opsExtension({ auth, marketing, clock: () => NOW })] });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, user: string): Promise<void> {
  await page.goto(`${server.http}/ops.html`);
  await page.locator('#login-user').fill(user);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('#login-form button[type=submit]').click();
}

describe('operations page in Chromium', () => {
  test('shows the tag chart, the week’s pain points and today’s follow-ups, marks one sent, and exports a segment', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.http}/ops.html`);
    await expect.poll(() => page.locator('#login').isVisible()).toBe(true);
    await logIn(page, 'olivia');
    await expect.poll(() => page.locator('#app').isVisible()).toBe(true);
    expect(await page.locator('#me').textContent()).toBe('运营小欧');
    expect(await page.locator('#today').textContent()).toContain('2025-07-18');

    // Chart: one line per top tag, its legend, 30 days.
    await expect.poll(() => page.locator('#chart svg polyline').count()).toBe(6);
    expect(await page.locator('#legend span').count()).toBe(6);
    expect(await page.locator('#legend').textContent()).toContain('有过下单咨询');

    // Pain points of the week, most frequent first.
    const pains = page.locator('#pains li');
    await expect.poll(() => pains.count()).toBeGreaterThan(1);
    expect(await pains.first().locator('span').first().textContent()).toBe('尺码不合适');

    // Due today: those who first asked 30 days ago (buyers 30 at 10:00 and … the ones on day -30).
    const rows = page.locator('#due-table tbody tr');
    const expected = marketing.due().length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => rows.count()).toBe(expected);
    expect(await page.locator('#due-count').textContent()).toBe(`${expected} 人`);
    expect(await rows.first().locator('td.step').textContent()).toBe('优惠券');
    // A tag with markup is shown as text, never parsed.
    expect(await page.locator('#due-table b').count()).toBe(0);
    expect(await page.locator('#due-table').textContent()).toContain('<b>不是粗体</b>');

    expect(await rows.first().locator('.late').textContent()).toMatch(/^逾期\d+天$/);
    expect(await rows.last().locator('.late').count()).toBe(0); // due today exactly
    await page.screenshot({ path: join(tmpdir(), 'kefu-ops-page.png'), fullPage: true });
    await page.locator('#chart-days').selectOption('7');
    await expect.poll(async () => (await page.locator('#chart svg text').allTextContents()).includes('07-12')).toBe(true);
    await rows.first().locator('button').click();
    await expect.poll(() => rows.first().locator('.done').textContent()).toBe('✓ 已发送');
    expect(marketing.due()).toHaveLength(expected - 1);

    // Segment: 母婴 buyers; the export links follow the form and download a masked CSV with a BOM.
    await page.locator('#seg-tags').fill('母婴');
    await page.locator('#segment-form button[type=submit]').click();
    await expect.poll(() => page.locator('#seg-summary').textContent()).toMatch(/^母婴：\d+ 位买家/);
    const count = marketing.segment({ all: ['母婴'] }).length;
    expect(await page.locator('#seg-table tbody tr').count()).toBe(count);
    const href = await page.locator('#seg-csv').getAttribute('href');
    expect(href).toBe(`/api/ops/export?tags=${encodeURIComponent('母婴')}&kind=segment&format=csv`);
    const download = await page.request.get(`${server.http}${await page.locator('#events-csv').getAttribute('href')}`);
    const body = await download.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toMatch(/138\*{4}50\d\d/);
    expect(body.toString('utf8')).not.toMatch(/138123450\d\d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keeps a rep without the ops role at the login form', async () => {
    const page = await browser.newPage();
    await logIn(page, 'rita');
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('这个账号没有运营权限');
    expect(await page.locator('#app').isVisible()).toBe(false);
    await page.close();
  });

  test('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, 'olivia');
    await expect.poll(() => page.locator('#chart svg').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
