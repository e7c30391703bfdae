/** Values of the shipping answer: dispatch time, couriers, free shipping, delivery time to a place. */
import { courierInText, findCourier, findPlace } from '../../shop/catalog.js';
import { beforeCutoff } from '../../shop/clock.js';
import type { CourierData } from '../../shop/schema.js';
import { list } from '../../shop/text.js';
import { cue } from '../cues.js';
import type { AnswerContext, VarsBuilder } from '../context.js';
import type { Vars } from '../render.js';

function courierAsked(ctx: AnswerContext): CourierData | null {
  const e = ctx.entities.find((x) => x.kind === 'courier');
  if (e) return findCourier(ctx.shop, String(e.value)) ?? findCourier(ctx.shop, e.text);
  return ctx.named ? ctx.named.courier : courierInText(ctx.shop, ctx.text);
}

function courierVars(ctx: AnswerContext, c: CourierData | null): Vars {
  const e = ctx.entities.find((x) => x.kind === 'courier');
  if (!c) return e ? { courierAsked: true, courier: e.text, courierOk: false } : {};
  return {
    courierAsked: true, courier: c.name[ctx.lang], courierOk: c.available,
    courierFee: c.extraFee, courierExtra: c.extraFee > 0,
  };
}

/** Place names are stored lower-case for matching; a reply writes them as names (hong kong → Hong Kong). */
const titleCase = (s: string): string => s.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

function placeVars(ctx: AnswerContext): Vars {
  const found = ctx.named ? ctx.named.place : findPlace(ctx.shop, ctx.text);
  if (!found) return { overseasQ: cue('overseas', ctx.text) };
  const { place, region } = found;
  const couriers = region.couriers.flatMap((id) => ctx.shop.shipping.couriers.filter((c) => c.id === id).map((c) => c.name[ctx.lang]));
  return {
    place: ctx.lang === 'en' ? titleCase(place.en) : place.zh, placeDays: region.days, placeRegion: region.name[ctx.lang], placeFree: region.freeShipping,
    placeFee: region.extraFee, placeExtra: region.extraFee > 0, placeCouriers: list(couriers, ctx.lang),
    placeCourierOnly: couriers.length > 0,
  };
}

export const shippingVars: VarsBuilder = (ctx) => {
  const { shop, lang, now, product } = ctx;
  const s = shop.shipping;
  const available = s.couriers.filter((c) => c.available);
  const byDefault = available.find((c) => c.isDefault) ?? available[0];
  const courier = courierVars(ctx, courierAsked(ctx));
  const place = placeVars(ctx);
  const freeQ = cue('freeShipping', ctx.text);
  return {
    shipFrom: s.shipFrom[lang], cutoff: s.cutoff, sameDayNow: beforeCutoff(now, shop.store.timezone, s.cutoff),
    couriers: list(available.map((c) => c.name[lang]), lang),
    defaultCourier: byDefault?.name[lang] ?? '',
    otherCouriers: list(available.filter((c) => c !== byDefault).map((c) => c.name[lang]), lang),
    freeThreshold: s.freeShippingThreshold, baseFee: s.baseFee, freeQ,
    // A pointed question (那顺丰呢, 发到广州几天, 包邮吗) gets just its answer; a general one gets the overview.
    specific: Boolean(courier.courierAsked || place.place || place.overseasQ || freeQ),
    overseas: s.overseas[lang],
    presale: product.presaleDays !== undefined, presaleDays: product.presaleDays ?? '',
    ...courier, ...place,
  };
};
