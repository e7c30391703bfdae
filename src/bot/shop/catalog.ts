/** Finding things of the store in what the buyer wrote: products, colours, couriers, places, member levels. */
import type { Entity } from '../../intents/types.js';
import type { CourierData, Product, ProductColour, RegionData, ShopData, Text } from './schema.js';

/** The product the buyer names (longest alias wins: 小白鞋 over 鞋), or null. */
export function findProduct(shop: ShopData, text: string): Product | null {
  let best: Product | null = null;
  let length = 0;
  for (const product of shop.catalog) {
    for (const word of productWords(product)) {
      if (word.length > length && text.includes(word)) {
        best = product;
        length = word.length;
      }
    }
  }
  return best;
}

/** A product's aliases and names, lower-cased, made once per product. */
const wordsOf = new WeakMap<Product, string[]>();

function productWords(product: Product): string[] {
  let words = wordsOf.get(product);
  if (!words) {
    words = [...product.aliases, product.name.zh, product.name.en].filter(Boolean).map((w) => w.toLowerCase());
    wordsOf.set(product, words);
  }
  return words;
}

/** A product by id, or the store's featured one. */
export function productById(shop: ShopData, id: string | null): Product {
  return shop.catalog.find((p) => p.id === id) ?? shop.catalog.find((p) => p.id === shop.featured) ?? shop.catalog[0]!;
}

/** The colour of the product a colour id or word stands for (white → 燕麦白). */
export function findColour(product: Product, word: string): ProductColour | null {
  const w = word.toLowerCase();
  return product.colors.find((c) => c.id === w || c.aliases.includes(w) || c.name.zh === word || c.name.en === w) ?? null;
}

/** Colour the buyer asks about in this message: from the colour entity, or a full colour name of the product. */
export function colourAsked(product: Product, entities: Entity[], text: string): { word: string; colour: ProductColour | null } | null {
  const entity = entities.find((e) => e.kind === 'color');
  if (entity) return { word: String(entity.value), colour: findColour(product, String(entity.value)) ?? findColour(product, entity.text) };
  const named = product.colors.find((c) => text.includes(c.name.zh) || text.includes(c.name.en.toLowerCase()));
  return named ? { word: named.id, colour: named } : null;
}

/** The courier a word or courier entity value stands for (顺丰, sf). */
export function findCourier(shop: ShopData, word: string): CourierData | null {
  const w = word.toLowerCase();
  return shop.shipping.couriers.find((c) => c.id === w || c.aliases.includes(w) || c.name.zh === word) ?? null;
}

/** Each courier's aliases as one pattern (a Latin alias must stand as a word: sf, not the sf in asfd), built once. */
const aliasPatterns = new WeakMap<CourierData, RegExp>();

function aliasPattern(c: CourierData): RegExp {
  let re = aliasPatterns.get(c);
  if (!re) {
    const alternatives = c.aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = c.aliases.length > 0 ? new RegExp(`(?:^|[^a-z])(?:${alternatives})(?:$|[^a-z])`) : /(?!)/;
    aliasPatterns.set(c, re);
  }
  return re;
}

/** A courier named in the text (for follow-ups the language layer did not tag). */
export function courierInText(shop: ShopData, text: string): CourierData | null {
  return shop.shipping.couriers.find((c) => aliasPattern(c).test(text)) ?? null;
}

/** A place of the shipping table named in the text, with its region (longest name wins: 内蒙古 over 蒙古). */
export function findPlace(shop: ShopData, text: string): { place: Text; region: RegionData } | null {
  let best: { place: Text; region: RegionData; length: number } | null = null;
  for (const region of shop.shipping.regions) {
    for (const place of region.places) {
      for (const name of [place.zh, place.en]) {
        if (text.includes(name) && (!best || name.length > best.length)) best = { place, region, length: name.length };
      }
    }
  }
  return best ? { place: best.place, region: best.region } : null;
}

/** The courier and the place of the shipping table a text names (null: none named). */
export interface Named {
  courier: CourierData | null;
  place: ReturnType<typeof findPlace>;
}

/** Looks up both: the follow-up reading, the facts kept and the shipping answer all need them. */
export function namedIn(shop: ShopData, text: string): Named {
  return { courier: courierInText(shop, text), place: findPlace(shop, text) };
}

/** A member level the buyer claims (我是VIP, i'm a vip member), by level id. Longest name wins: 尊贵VIP over VIP. */
export function claimedLevel(shop: ShopData, text: string): string | null {
  if (!/我是|我已经是|本人是|i am|im a|i'm/.test(text)) return null;
  let best: { id: string; length: number } | null = null;
  for (const level of shop.membership.levels) {
    for (const name of [level.name.zh.toLowerCase(), level.name.en.toLowerCase()]) {
      if (text.includes(name) && (!best || name.length > best.length)) best = { id: level.id, length: name.length };
    }
  }
  return best?.id ?? null;
}
