import { describe, expect, it } from 'vitest';
import { productById } from '../../../src/bot/shop/catalog.js';
import { adviseByBody, adviseByFoot, adviseByUsual, sizesByFoot } from '../../../src/bot/shop/sizing.js';
import { testShop } from '../helpers.js';

const shop = testShop();
const hoodie = productById(shop, 'waffle-hoodie');
const sneaker = productById(shop, 'canvas-sneaker');
const coat = productById(shop, 'wool-coat');

describe('size advice from the size chart', () => {
  it('gives M for 170cm 60kg, where height and weight agree', () => {
    expect(adviseByBody(hoodie, 170, 60)).toMatchObject({ size: 'M', byHeight: 'M', byWeight: 'M', outOfChart: false });
  });

  it('gives M for 165cm and 110斤 (55kg)', () => {
    expect(adviseByBody(hoodie, 165, 55)?.size).toBe('M');
  });

  it("takes the larger size when height and weight disagree (5'7, 140lb: M by height, L by weight)", () => {
    expect(adviseByBody(hoodie, 170.18, 63.5)).toMatchObject({ size: 'L', byHeight: 'M', byWeight: 'L' });
  });

  it('treats a range as [from, to): the upper bound belongs to the next size', () => {
    expect(adviseByBody(hoodie, 171, 55)).toMatchObject({ size: 'L', byHeight: 'L' });
    expect(adviseByBody(hoodie, 170.9, 55)?.size).toBe('M');
  });

  it('clamps to the ends of the chart and says so', () => {
    expect(adviseByBody(hoodie, 140, 35)).toMatchObject({ size: 'S', outOfChart: true });
    expect(adviseByBody(hoodie, 200, 120)).toMatchObject({ size: 'XXL', outOfChart: true });
  });

  it('moves shoe advice one size up when the last runs small', () => {
    expect(sizesByFoot(sneaker)).toBe(true);
    expect(adviseByFoot(sneaker, 24.2)).toMatchObject({ byFoot: '39', size: '40', fitShift: 1 });
    expect(adviseByFoot(sneaker, 27.4)).toMatchObject({ size: '44', fitShift: 0 });
  });

  it('moves from the usual size by the product fit', () => {
    expect(adviseByUsual(hoodie, 'm')?.size).toBe('M');
    expect(adviseByUsual(coat, 'M')).toMatchObject({ size: 'S', fitShift: -1 });
    expect(adviseByUsual(sneaker, '38')).toMatchObject({ size: '39', fitShift: 1 });
    expect(adviseByUsual(hoodie, '4XL')).toBeNull();
  });
});
