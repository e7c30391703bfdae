import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect } from '../helpers/client.js';
import { PASSWORD, startTrainerServer, type TrainerRig } from './helpers.js';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Screenshots for a person to look at (not compared). */
const SHOTS = process.env.TRAINER_SHOTS_DIR;

let rig: TrainerRig;
let browser: Browser;

beforeAll(async () => {
  rig = await startTrainerServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** One buyer chat over the real WebSocket. */
async function buyerChat(messages: string[]): Promise<void> {
  const c = await connect(rig.server.ws);
  await c.next('welcome');
  for (const text of messages) {
    c.sendJson({ type: 'message', text });
    for (;;) if ((await c.next('reply', 10_000)).last) break;
  }
  c.ws.close();
  await c.closed;
}

async function logIn(user: string) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(`${rig.server.http}/trainer.html`);
  await page.fill('#login-user', user);
  await page.fill('#login-password', PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#app:not([hidden])');
  return page;
}

describe('trainer page in Chromium', () => {
  test('the misunderstood inbox shows similar buyer questions as one group, and assigning it adds them as examples', async () => {
    await buyerChat(['你们有实体店吗 想去试穿', '答非所问']);
    await buyerChat(['你们有实体店吗 想去看看']);
    await buyerChat(['今天天气怎么样']);
    await new Promise((r) => setTimeout(r, 100));
    const page = await logIn('tom');
    // The first view builds the grouping's word weights from the corpus, which takes a moment.
    await expect.poll(() => page.textContent('#inbox-count'), { timeout: 30_000 }).toBe('3');
    await page.click('nav button[data-tab="inbox"]');
    const group = page.locator('.group', { hasText: '实体店' });
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.locator('.size').textContent()).toBe('2 条');
    expect(await group.textContent()).toContain('买家说答非所问');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trainer-inbox.png') });
    await group.locator('select').selectOption('product_info');
    await group.locator('button', { hasText: '加为例句' }).click();
    await expect.poll(() => page.textContent('#banner')).toContain('2 句已加为 product_info 的例句');
    await expect.poll(() => page.textContent('#inbox-count')).toBe('1');
    const file = JSON.parse(readFileSync(join(rig.trainingDir, 'product_info.json'), 'utf8')) as { examples: Record<string, string[]> };
    expect(file.examples['zh-Hans']).toEqual(expect.arrayContaining(['你们有实体店吗 想去试穿', '你们有实体店吗 想去看看']));
    await page.close();
  }, 60_000);

  test('a trainer logs in, adds an example, retrains, and sees the new model and its figures', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${rig.server.http}/trainer.html`);

    await page.fill('#login-user', 'rita');
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.textContent('#login-error')).toContain('没有训练师权限');

    await page.fill('#login-user', 'tom');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#app:not([hidden])');
    expect(await page.textContent('#me')).toBe('训练师小汤');
    await expect.poll(() => page.locator('#intent-rows tr').count()).toBe(24);
    const firstVersion = (await page.textContent('#model-version')) ?? '';
    expect(firstVersion).toMatch(/^[0-9a-f]{16}-/);
    expect(await page.textContent('#model-accuracy')).toMatch(/^\d+\.\d%$/);

    // Open an intent and add an example through its form.
    await page.click('#intent-rows tr[data-intent="invoice"]');
    await page.waitForSelector('#intent-detail h2:has-text("invoice")');
    const examples = page.locator('#intent-detail form[data-field="examples"] input');
    await examples.fill('公司报销要用 能开增值税发票吗');
    await page.locator('#intent-detail form[data-field="examples"] button').click();
    await expect.poll(() => page.textContent('#banner')).toContain('已添加到 training/invoice.json');
    await expect.poll(() => page.locator('#intent-detail li', { hasText: '公司报销要用 能开增值税发票吗' }).count()).toBe(1);
    expect(await page.textContent('#retrain-due')).toContain('重新训练');
    const file = JSON.parse(readFileSync(join(rig.trainingDir, 'invoice.json'), 'utf8')) as { examples: Record<string, string[]> };
    expect(file.examples['zh-Hans']).toContain('公司报销要用 能开增值税发票吗');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trainer-intents.png') });

    // Retrain from the page: the banner follows the job, then the header shows the new model.
    await page.click('#retrain');
    await expect.poll(() => page.textContent('#banner')).toContain('正在训练');
    await expect.poll(() => page.textContent('#banner'), { timeout: 240_000, interval: 1000 }).toMatch(/已上线|没有上线/);
    const banner = (await page.textContent('#banner')) ?? '';
    expect(banner).toContain('已上线');
    await expect.poll(() => page.textContent('#model-version')).not.toBe(firstVersion);
    expect(await page.textContent('#retrain-due')).toBe('');

    // The model list shows both versions with their figures; the old one can be rolled back to.
    await page.click('nav button[data-tab="models"]');
    await expect.poll(() => page.locator('#model-rows tr').count()).toBe(2);
    const rows = page.locator('#model-rows tr');
    expect(await rows.nth(0).textContent()).toContain('使用中');
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toMatch(/^\d+\.\d%$/);
    expect(await rows.nth(0).locator('td').nth(5).textContent()).toMatch(/个百分点/);
    expect(await rows.nth(1).textContent()).toContain('保留');
    expect(await rows.nth(1).locator('button', { hasText: '回滚到这版' }).count()).toBe(1);
    await rows.nth(0).locator('button', { hasText: '详情' }).click();
    await expect.poll(() => page.textContent('#model-detail')).toContain('测试准确率');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trainer-models.png'), fullPage: true });

    // Try a sentence with the new model.
    await page.click('nav button[data-tab="try"]');
    await page.fill('#try-text', '亲 170 60kg 平时穿M 穿什么码');
    await page.click('#try-form button');
    await expect.poll(() => page.textContent('#try-result .big')).toMatch(/^size · \d+\.\d%$/);
    expect(await page.textContent('#try-result')).toContain('身高170');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trainer-try.png') });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
