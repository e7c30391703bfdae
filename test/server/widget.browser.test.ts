import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRealBot, type RealBot } from './helpers/real-bot.js';
import { startServer, type Started } from './helpers/start.js';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let real: RealBot;
let server: Started;
let browser: Browser;

beforeAll(async () => {
  real = await createRealBot();
  server = await startServer(real.bot);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await real?.close();
});

// Playwright's CSS selectors pierce the widget's open shadow root.
const W = '#kefu-widget';
const botRows = (page: Page) => page.locator(`${W} .row.bot:not(.typing)`);
const myRows = (page: Page) => page.locator(`${W} .row.me`);

async function openChat(page: Page): Promise<void> {
  await page.goto(`${server.http}/`);
  await page.locator(`${W} .bubble`).click();
  await expect.poll(() => botRows(page).count()).toBeGreaterThan(0);
}

/** Sends text through the input and waits until one more bot line has appeared; returns that line's text. */
async function ask(page: Page, text: string): Promise<string> {
  const before = await botRows(page).count();
  await page.locator(`${W} textarea`).fill(text);
  await page.locator(`${W} textarea`).press('Enter');
  await expect.poll(() => botRows(page).count()).toBeGreaterThan(before);
  return (await botRows(page).nth(before).locator('.msg').textContent()) ?? '';
}

describe('storefront widget in Chromium', () => {
  test('a buyer sees the greeting, clicks a quick reply, asks a question, and finds the chat again after a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await openChat(page);

    const greeting = await botRows(page).first().locator('.msg').textContent();
    expect(greeting).toContain('棉屿');
    expect(await botRows(page).first().locator('time').textContent()).toMatch(/^\d\d:\d\d$/);
    const chips = page.locator(`${W} .chip`);
    expect(await chips.count()).toBeGreaterThan(0);

    const chipText = (await chips.first().textContent()) ?? '';
    const before = await botRows(page).count();
    await chips.first().click();
    await expect.poll(() => botRows(page).count()).toBeGreaterThan(before);
    expect(await myRows(page).last().locator('.msg').textContent()).toBe(chipText);

    const answer = await ask(page, '我170cm 60kg穿什么码');
    expect(answer).toMatch(/M/);

    const shown = () => page.locator(`${W} .log .row:not(.typing) .msg`).allTextContents();
    const lines = await shown();
    expect(lines.length).toBeGreaterThanOrEqual(5);
    await page.reload();
    // The widget reopens itself and renders the resumed history.
    await expect.poll(shown).toEqual(lines);
    await page.screenshot({ path: '/tmp/kefu-widget-desktop.png' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('markup in a message is shown as text and never runs', async () => {
    const page = await browser.newPage();
    await openChat(page);
    const evil = '<img src=x onerror="window.__pwned=1">尺码<b>怎么</b>选';
    await ask(page, evil);
    expect(await myRows(page).last().locator('.msg').textContent()).toBe(evil);
    expect(await page.locator(`${W} .log img, ${W} .log b`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  test('after a network drop the widget reconnects, resumes the same chat and keeps working', async () => {
    const page = await browser.newPage();
    await openChat(page);
    await ask(page, '什么时候发货');
    const sessionKey = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('kefu.session')));
    const sessionBefore = await page.evaluate((k) => localStorage.getItem(k!), sessionKey);

    server.dropConnections();
    await expect.poll(() => page.locator(`${W} .panel`).getAttribute('class')).toContain('offline');
    await expect.poll(() => page.locator(`${W} .panel`).getAttribute('class'), { timeout: 10_000 }).not.toContain('offline');

    expect(await myRows(page).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('什么时候发货')]));
    expect(await page.evaluate((k) => localStorage.getItem(k!), sessionKey)).toBe(sessionBefore);
    const answer = await ask(page, '可以开发票吗');
    expect(answer.length).toBeGreaterThan(0);
    await page.close();
  });

  test('on a phone-sized screen the chat fills the screen and is usable', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openChat(page);
    const box = await page.locator(`${W} .panel`).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
    const input = await page.locator(`${W} textarea`).boundingBox();
    expect(input!.y + input!.height).toBeLessThanOrEqual(667);
    await ask(page, '有哪些颜色');
    await page.screenshot({ path: '/tmp/kefu-widget-phone.png' });
    await context.close();
  });
});
