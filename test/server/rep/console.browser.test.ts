import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type TestClient } from '../helpers/client.js';
import { startFullServer, type FullServer } from './full.js';
import { STAFF } from './helpers.js';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const XSS = '<img src=x onerror="window.__xss=1">尺码<b>不对</b>';

let full: FullServer;
let browser: Browser;

beforeAll(async () => {
  full = await startFullServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await full?.close();
});

async function buyerSays(texts: string[]): Promise<TestClient & { sessionId: string }> {
  const c = await connect(full.server.ws);
  const { sessionId } = await c.next('welcome');
  for (const text of texts) {
    c.sendJson({ type: 'message', text });
    while (!(await c.next('reply')).last);
  }
  return Object.assign(c, { sessionId });
}

/** Reply frames up to and including the first whose text contains `text`. */
async function repliesUntil(c: TestClient, text: string) {
  const got = [];
  for (;;) {
    const r = await c.next('reply');
    got.push(r);
    if (r.text.includes(text)) return got;
  }
}

describe('rep console in Chromium', () => {
  test('a rep logs in, sees the queue ordered by urgency with notes, claims a chat, replies and closes it', async () => {
    const calm = await buyerSays([XSS, '170 60kg', '转人工']);
    const angry = await buyerSays(['你们什么破服务，发货这么慢，我要给差评']);

    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${full.server.http}/console`);
    await expect.poll(() => page.locator('#login').isVisible()).toBe(true);
    await page.fill('#login-user', 'amy');
    await page.fill('#login-password', 'wrong-password');
    await page.click('#login-submit');
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('账号或密码不对');
    await page.fill('#login-password', STAFF[0]!.password);
    await page.click('#login-submit');

    const cards = page.locator('#queue .card');
    await expect.poll(() => cards.count()).toBe(2);
    await expect.poll(() => page.locator('#me').textContent()).toBe('小美（amy）');
    // Angry first, marked urgent; the calm buyer, who came first, second.
    expect(await cards.nth(0).locator('.urgent').textContent()).toBe('急');
    expect(await cards.nth(0).locator('.reason').textContent()).toBe('差评/投诉威胁');
    expect(await cards.nth(0).locator('.buyer').textContent()).toContain('生气');
    expect(await cards.nth(1).locator('.reason').textContent()).toBe('要求转人工');

    await cards.nth(1).click();
    await expect.poll(() => page.locator('#n-collected').textContent()).toContain('身高170cm');
    expect(await page.locator('#n-buyer').textContent()).toContain('首次咨询');
    expect(await page.locator('#n-suggest').textContent()).toContain('棉屿服饰');
    // Buyer text is shown as text: the markup is visible, no element was made from it, no script ran.
    await expect.poll(() => page.locator('#transcript').textContent()).toContain(XSS);
    expect(await page.locator('#transcript img, #transcript b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#reply-text').isDisabled()).toBe(true);

    await page.click('#claim');
    await expect.poll(() => page.locator('#held-by').textContent()).toBe('你正在接待');
    await expect.poll(() => page.locator('#mine .card').count()).toBe(1);
    // The calm buyer heard queue updates (the angry one went ahead, a rep came online); then that a person joined.
    const heard = await repliesUntil(calm, '已接入');
    expect(heard.slice(0, -1).every((r) => r.text.startsWith('排队更新'))).toBe(true);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.at(-1)).toMatchObject({ from: 'system', text: '人工客服「小美」已接入，为您服务～' });

    await page.click('#use-suggest');
    expect(await page.locator('#reply-text').inputValue()).toContain('棉屿服饰');
    await page.selectOption('#canned', { index: 1 });
    const canned = await page.locator('#reply-text').inputValue();
    expect(canned).toContain('棉屿服饰的人工客服');
    await page.fill('#reply-text', '亲，尺码的问题我来帮您看，170 60kg 建议 L 码哦');
    await page.press('#reply-text', 'Enter');
    expect(await calm.next('reply')).toMatchObject({ from: 'rep', name: '小美', text: '亲，尺码的问题我来帮您看，170 60kg 建议 L 码哦' });
    await expect.poll(() => page.locator('#reply-text').inputValue()).toBe('');

    calm.sendJson({ type: 'message', text: '好的，那我换L' });
    await expect.poll(() => page.locator('#transcript li.buyer').last().textContent()).toContain('好的，那我换L');

    await page.fill('#tag-text', '待回访');
    await page.press('#tag-text', 'Enter');
    await expect.poll(() => page.locator('#rep-tags .chip').first().textContent()).toContain('待回访');
    await page.fill('#private-note', '换L码，明天跟进物流');
    await page.locator('#private-note').blur();
    await expect.poll(() => full.wired.handoff.desk.list().find((r) => r.sessionId === calm.sessionId)?.privateNote).toBe('换L码，明天跟进物流');

    await page.screenshot({ path: join(tmpdir(), 'kefu-rep-console.png') });

    await page.selectOption('#outcome', 'exchange');
    await page.click('#close-chat');
    await expect.poll(() => page.locator('#mine .card').count()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect((await calm.next('reply')).text).toContain('本次人工服务已结束');
    expect(await page.locator('#queue .card').count()).toBe(1);
    expect(errors).toEqual([]);
    calm.ws.close();
    angry.ws.close();
    await page.close();
  });

  test('a second rep sees a claimed chat leave the queue and cannot take it', async () => {
    await buyerSays(['转人工']);
    const amyPage = await browser.newPage();
    const bobPage = await browser.newPage();
    for (const [page, who] of [[amyPage, 0], [bobPage, 1]] as const) {
      await page.goto(`${full.server.http}/console.html`);
      await page.fill('#login-user', STAFF[who]!.user);
      await page.fill('#login-password', STAFF[who]!.password);
      await page.click('#login-submit');
      await expect.poll(() => page.locator('#queue .card').count()).toBeGreaterThan(0);
    }
    const waiting = await bobPage.locator('#queue .card').count();
    await bobPage.locator('#queue .card').last().click();
    await amyPage.locator('#queue .card').last().click();
    await amyPage.click('#claim');
    await expect.poll(() => bobPage.locator('#queue .card').count()).toBe(waiting - 1);
    await expect.poll(() => bobPage.locator('#held-by').textContent()).toBe('小美 正在接待');
    expect(await bobPage.locator('#claim').isVisible()).toBe(false);
    const held = full.wired.handoff.desk.list().filter((r) => r.status === 'claimed').length;
    expect(await bobPage.locator('#others').textContent()).toBe(`其他同事正在接待 ${held} 个会话`);
    await amyPage.close();
    await bobPage.close();
  });
});
