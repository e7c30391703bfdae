/** Tags the marketing layer gives by itself (not from trainer rules), and what each intent asked is called. */
import type { IntentId } from '../../intents/types.js';

/** The buyer asked something that leads to an order; starts the follow-up clock. */
export const ORDER_QUESTION = '有过下单咨询';
/** The buyer spoke about an order they placed (tracking, after-sale, an order number): a purchase. */
export const PURCHASED = '已下单';
export const HANDOFF = '转人工';
export const COMPLAINT = '投诉';
export const NEW_BUYER = '新客';
export const RETURNING_BUYER = '老客户';

/** Pre-sale questions on the way to an order (size, colour, stock, price, payment, shipping time). */
export const ORDER_INTENTS: ReadonlySet<IntentId> = new Set(['size', 'color', 'stock', 'discount', 'payment', 'shipping']);

/** Questions only someone who ordered asks. */
export const POST_ORDER_INTENTS: ReadonlySet<IntentId> = new Set([
  'tracking', 'wrong_item', 'damage', 'return_exchange', 'refund', 'address_change', 'cancel_order', 'invoice',
]);

/** Tag per intent asked (咨询尺码); greetings, goodbyes and None say nothing, complaint and human have own tags. */
export const INTENT_TAGS: Partial<Record<IntentId, string>> = {
  size: '咨询尺码', color: '咨询颜色', shipping: '咨询发货', tracking: '咨询物流', invoice: '咨询发票',
  damage: '咨询破损', quality: '咨询质量', wrong_item: '咨询错发', return_exchange: '咨询退换',
  refund: '咨询退款', cancel_order: '咨询取消订单', address_change: '咨询改地址', discount: '咨询优惠',
  product_info: '咨询商品', stock: '咨询库存', payment: '咨询付款',
  membership: '咨询会员', warranty: '咨询保修', recommendation: '咨询推荐',
};
