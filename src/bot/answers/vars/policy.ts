/** Values of the answers that quote store policy: invoices, returns, refunds, warranty, payment, members, offers. */
import { list } from '../../shop/text.js';
import { cue } from '../cues.js';
import type { VarsBuilder } from '../context.js';

export const invoiceVars: VarsBuilder = ({ shop, lang, text }) => {
  const i = shop.invoice;
  return {
    electronic: i.electronic, paper: i.paper, vatSpecial: i.vatSpecial, issueWithin: i.issueWithin[lang],
    where: i.where[lang], needs: i.needs[lang], vatNeeds: i.vatNeeds[lang], vatDelivery: i.vatDelivery[lang],
    reissueDays: i.reissueDays, vatQ: cue('vatInvoice', text), paperQ: cue('paperInvoice', text),
    reissueQ: cue('reissue', text),
  };
};

export const returnVars: VarsBuilder = ({ shop, lang, text }) => {
  const r = shop.returns;
  return {
    noReasonDays: r.noReasonDays, insurance: r.freightInsurance, insuranceNote: r.insuranceNote[lang],
    conditions: r.conditions[lang], excluded: r.excluded[lang], exchangeNote: r.exchangeNote[lang],
    whoPays: r.whoPays[lang], returnAddress: r.address[lang], refundDays: r.refundDays[lang],
    exchangeQ: cue('exchange', text), insuranceQ: cue('insurance', text), addressQ: cue('returnAddress', text),
  };
};

export const refundVars: VarsBuilder = (ctx) => {
  const r = ctx.shop.returns;
  return {
    refundDays: r.refundDays[ctx.lang], refundRoute: r.refundRoute[ctx.lang],
    dispute: cue('refundDispute', ctx.text), refundOnlyQ: cue('refundOnly', ctx.text),
    noReasonDays: r.noReasonDays,
  };
};

export const warrantyVars: VarsBuilder = ({ shop, lang, product }) => ({
  days: product.kind === 'shoes' ? shop.warranty.shoesDays : shop.warranty.clothingDays,
  clothingDays: shop.warranty.clothingDays, shoesDays: shop.warranty.shoesDays, warrantyNote: shop.warranty.note[lang],
  noReasonDays: shop.returns.noReasonDays,
});

export const paymentVars: VarsBuilder = ({ shop, lang, text }) => {
  const p = shop.payment;
  return {
    methods: p.methods[lang], installments: p.installments[lang], cod: p.cod, deposit: p.deposit[lang],
    payFailed: p.failed[lang], failedQ: cue('payFailed', text), installmentsQ: cue('installments', text),
    depositQ: cue('deposit', text), codQ: cue('cod', text),
  };
};

export const membershipVars: VarsBuilder = ({ shop, lang, text }) => {
  const m = shop.membership;
  const sep = lang === 'zh' ? '；' : '; ';
  const levels = m.levels.map((l) => (lang === 'zh'
    ? `${l.name.zh}（${l.how.zh}）：${l.perks.zh}`
    : `${l.name.en} (${l.how.en}): ${l.perks.en}`)).join(sep);
  return {
    levels, points: m.points[lang], memberDay: m.memberDay[lang], joinHow: m.levels[0]?.how[lang] ?? '',
    pointsQ: cue('points', text), memberDayQ: cue('memberDay', text),
  };
};

export const discountVars: VarsBuilder = ({ shop, lang, text }) => {
  const sep = lang === 'zh' ? '；' : '; ';
  const promotions = shop.promotions.map((p) => p.detail[lang]).join(sep);
  const coupons = list(shop.coupons.map((c) => (lang === 'zh' ? `${c.name.zh}（${c.how.zh}）` : `${c.name.en} (${c.how.en})`)), lang);
  return {
    promotions, hasPromotions: shop.promotions.length > 0, coupons, hasCoupons: shop.coupons.length > 0,
    bargainQ: cue('bargain', text), priceProtectQ: cue('priceProtect', text), priceProtectDays: shop.priceProtectDays,
    eventQ: cue('event', text), memberDay: shop.membership.memberDay[lang],
  };
};
