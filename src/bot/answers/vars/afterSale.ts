/** Values of the after-sale answers: damage, defects, wrong items, tracking, cancelling, changing the address. */
import { cue } from '../cues.js';
import type { VarsBuilder } from '../context.js';

/** Damage, quality and wrong-item answers: sorry first, then the order number and a photo, then a person. */
export const problemVars: VarsBuilder = ({ shop, lang, state, decision }) => ({
  askOrder: decision.kind !== 'handoff' && !state.slots.orderId,
  ourFault: shop.returns.ourFaultShipping[lang],
  warrantyDays: shop.warranty.clothingDays,
});

export const trackingVars: VarsBuilder = ({ shop, lang, text }) => ({
  notReceived: cue('notReceived', text), cutoff: shop.shipping.cutoff, shipFrom: shop.shipping.shipFrom[lang],
});

export const cancelVars: VarsBuilder = ({ shop, lang }) => ({
  cutoff: shop.shipping.cutoff, refundDays: shop.returns.refundDays[lang],
});

export const addressVars: VarsBuilder = ({ shop }) => ({ cutoff: shop.shipping.cutoff });

