/** Values of the conversational answers: greeting, goodbye, not understood, person, complaint, advice, product facts. */
import { productById } from '../../shop/catalog.js';
import { list } from '../../shop/text.js';
import { cue, INFO_TOPICS } from '../cues.js';
import type { VarsBuilder } from '../context.js';

/** A reopened chat is welcomed back; a greeting in the middle of a chat (在吗) gets a short "still here". */
export const greetingVars: VarsBuilder = ({ state, resumed }) => ({
  resumed: resumed === true, again: resumed !== true && state.turns > 0, first: resumed !== true && state.turns === 0,
});

export const farewellVars: VarsBuilder = ({ shop, lang }) => {
  const coupon = shop.coupons[0];
  return { coupon: coupon?.name[lang] ?? '', couponHow: coupon?.how[lang] ?? '', hasCoupon: coupon !== undefined };
};

/** Not understood: nothing to compute beyond the common values; the handoff flag says if it was the second time. */
export const noneVars: VarsBuilder = () => ({});

export const humanVars: VarsBuilder = () => ({});

export const complaintVars: VarsBuilder = () => ({});

export const recommendationVars: VarsBuilder = ({ shop, lang, text, product }) => {
  const gift = cue('gift', text);
  const ids = gift ? shop.recommendation.gifts : shop.recommendation.bestsellers;
  const named = (id: string) => productById(shop, id);
  const picks = list(ids.map((id) => `${named(id).name[lang]}（¥${named(id).price}）`), lang);
  const pairs = list(product.pairWith.map((id) => named(id).name[lang]), lang);
  return {
    giftQ: gift, pairingQ: cue('pairing', text) && pairs !== '', pairs,
    picks: lang === 'en' ? picks.replace(/（/g, ' (').replace(/）/g, ')') : picks,
  };
};

/** Facts of the product in focus for the topics asked (material, breathability …); material and occasion otherwise. */
export const productInfoVars: VarsBuilder = ({ product, lang, text }) => {
  const asked = INFO_TOPICS.filter(([, words]) => words.test(text)).map(([key]) => key);
  const keys = asked.filter((k) => product.info[k]);
  const shown = keys.length > 0 ? keys : ['material', 'occasion'].filter((k) => product.info[k]);
  const sep = lang === 'zh' ? '；' : '; ';
  return {
    facts: shown.map((k) => product.info[k]![lang]).join(sep),
    unknownTopic: asked.length > 0 && keys.length === 0,
  };
};
