import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beforeCutoff, minutesOfDay } from '../../../src/bot/shop/clock.js';
import { parseShop } from '../../../src/bot/shop/load.js';
import { EVENING, MORNING, STORE_FILE } from '../helpers.js';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(STORE_FILE, 'utf8'));

describe('store data', () => {
  it('loads the example store in data/store.json', () => {
    const shop = parseShop(raw());
    expect(shop.store.name.zh).toBe('棉屿服饰');
    expect(shop.catalog.length).toBeGreaterThanOrEqual(5);
  });

  it('rejects a broken store file with a stable code and the path of the problem', () => {
    const broken = raw();
    (broken.shipping as Record<string, unknown>).cutoff = 'four pm';
    broken.featured = 'no-such-product';
    expect(() => parseShop(broken)).toThrow(expect.objectContaining({ code: 'SHOP_DATA_INVALID' }));
    expect(() => parseShop(broken)).toThrow(/shipping\.cutoff/);
    expect(() => parseShop({ ...raw(), featured: 'no-such-product' })).toThrow(/unknown product id no-such-product/);
  });
});

describe('store clock', () => {
  it('reads the time of day in the store’s time zone, not the server’s', () => {
    expect(minutesOfDay(MORNING, 'Asia/Shanghai')).toBe(10 * 60);
    expect(beforeCutoff(MORNING, 'Asia/Shanghai', '16:00')).toBe(true);
    expect(beforeCutoff(EVENING, 'Asia/Shanghai', '16:00')).toBe(false);
    expect(beforeCutoff(EVENING, 'America/New_York', '16:00')).toBe(true);
  });
});
