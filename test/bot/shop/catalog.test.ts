import { describe, expect, it } from 'vitest';
import { claimedLevel, colourAsked, courierInText, findColour, findCourier, findPlace, findProduct, productById } from '../../../src/bot/shop/catalog.js';
import { testShop } from '../helpers.js';

const shop = testShop();

describe('finding the store’s things in buyer text', () => {
  it('finds the product by its longest alias', () => {
    expect(findProduct(shop, '这个小白鞋偏码吗')?.id).toBe('canvas-sneaker');
    expect(findProduct(shop, 'is the hoodie warm')?.id).toBe('waffle-hoodie');
    expect(findProduct(shop, '在吗')).toBeNull();
  });

  it('falls back to the featured product for an unknown id', () => {
    expect(productById(shop, 'nope').id).toBe(shop.featured);
    expect(productById(shop, null).id).toBe(shop.featured);
  });

  it('maps canonical colour ids and words to the product’s colours', () => {
    const hoodie = productById(shop, 'waffle-hoodie');
    expect(findColour(hoodie, 'white')?.id).toBe('white');
    expect(findColour(hoodie, '燕麦白')?.id).toBe('white');
    expect(findColour(hoodie, 'pink')).toBeNull();
    expect(colourAsked(hoodie, [], '雾霾蓝还有吗')?.colour?.id).toBe('blue');
  });

  it('finds couriers by entity value or in text, but not inside other words', () => {
    expect(findCourier(shop, 'sf')?.id).toBe('sf');
    expect(courierInText(shop, '那顺丰呢')?.id).toBe('sf');
    expect(courierInText(shop, 'what about sf express')?.id).toBe('sf');
    expect(courierInText(shop, 'items')).toBeNull();
  });

  it('finds places with their region, longest name first', () => {
    expect(findPlace(shop, '发到广州几天')).toMatchObject({ place: { zh: '广州' }, region: { id: 'main' } });
    expect(findPlace(shop, '内蒙古包邮吗')?.region.id).toBe('remote');
    expect(findPlace(shop, 'ship to hong kong')?.region.id).toBe('hmt');
  });

  it('reads a claimed member level only when the buyer says they are one', () => {
    expect(claimedLevel(shop, '我是vip会员')).toBe('vip');
    expect(claimedLevel(shop, '我是尊贵vip')).toBe('svip');
    expect(claimedLevel(shop, 'vip有什么优惠')).toBeNull();
  });
});
