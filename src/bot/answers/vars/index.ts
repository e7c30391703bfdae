/** Which values each intent's templates get. An intent without a builder gets only the common values. */
import type { IntentId } from '../../../intents/types.js';
import type { VarsBuilder } from '../context.js';
import { addressVars, cancelVars, problemVars, trackingVars } from './afterSale.js';
import { colorVars, stockVars } from './color.js';
import {
  discountVars, invoiceVars, membershipVars, paymentVars, refundVars, returnVars, warrantyVars,
} from './policy.js';
import { shippingVars } from './shipping.js';
import { sizeVars } from './size.js';
import {
  complaintVars, farewellVars, greetingVars, humanVars, noneVars, productInfoVars, recommendationVars,
} from './talk.js';

export const VARS: Partial<Record<IntentId, VarsBuilder>> = {
  greeting: greetingVars, farewell: farewellVars, None: noneVars, human: humanVars, complaint: complaintVars,
  size: sizeVars, color: colorVars, stock: stockVars, shipping: shippingVars, tracking: trackingVars,
  invoice: invoiceVars, return_exchange: returnVars, refund: refundVars, warranty: warrantyVars,
  payment: paymentVars, membership: membershipVars, discount: discountVars,
  damage: problemVars, quality: problemVars, wrong_item: problemVars,
  cancel_order: cancelVars, address_change: addressVars,
  recommendation: recommendationVars, product_info: productInfoVars,
};
