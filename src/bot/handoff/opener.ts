/**
 * A suggested first line for the rep, in the store's warm tone (亲, short, owns the problem) and the buyer's language.
 * The articles' rules: apologise and listen before explaining; for damage, make it right first and never argue
 * about whose fault it was; for a bad-review threat, soothe, listen, then propose a remedy.
 */
import { toScript } from '../../intents/normalise.js';
import type { Script } from '../../intents/types.js';
import type { ShopData } from '../shop/schema.js';
import type { HandoffReason, PainPoint } from '../types.js';
import type { CollectedFacts } from './types.js';

interface OpenerInput {
  reason: HandoffReason;
  detail?: string;
  painPoint: PainPoint | null;
  collected: CollectedFacts;
  memberLevel: string | null;
  script: Script;
  shop: ShopData;
}

function zhLine({ reason, detail, painPoint, collected, memberLevel, shop }: OpenerInput): string {
  const store = shop.store.name.zh;
  const pain = painPoint && painPoint.label !== '选购建议' ? `「${painPoint.label}」的问题` : '您的问题';
  const order = collected.orderId ? `订单 ${collected.orderId} 我已经调出来了，` : '';
  switch (reason) {
    case 'bad_review_threat':
    case 'complaint':
    case 'angry':
      return `亲，我是${store}的人工客服，先跟您说声对不起，让您受委屈了。${pain}我来负责到底，${order}您慢慢说，我听着，马上给您一个满意的处理方案。`;
    case 'compensation': {
      const photo = collected.photoRequested ? '麻烦把照片发我看一下，' : '';
      const what = detail === 'damage' ? '东西在路上被弄坏了，真的很抱歉' : detail === 'wrong_item' ? '发错/少发是我们的失误，真的很抱歉' : '给您添麻烦了，真的很抱歉';
      return `亲，${what}！${order}${photo}补发、换货还是退款，您选一个最方便的，运费都由我们来出。`;
    }
    case 'store_rule':
      return memberLevel
        ? `尊敬的${memberLevel}您好，我是您的专属客服，${pain}交给我来处理～`
        : `亲，您好，我是${store}的人工客服，${pain}交给我来处理～`;
    case 'not_understood_twice':
      return `亲，刚才机器人没能听懂，抱歉让您久等了。我是${store}的人工客服，您想了解什么，直接跟我说就好～`;
    default:
      return `亲，您好，我是${store}的人工客服，${pain}我来帮您处理，${order}您看方便说一下具体情况吗？`;
  }
}

function enLine({ reason, detail, collected, shop }: OpenerInput): string {
  const store = shop.store.name.en;
  const order = collected.orderId ? ` I have order ${collected.orderId} open here.` : '';
  switch (reason) {
    case 'bad_review_threat':
    case 'complaint':
    case 'angry':
      return `Hi, this is a real person from ${store}. I'm truly sorry for the trouble.${order} Please tell me what happened; I'll make it right.`;
    case 'compensation': {
      const what = detail === 'damage' ? 'that your order arrived damaged' : 'about the problem with your order';
      return `Hi, I'm so sorry ${what}.${order} Could you send me a photo? Then choose a resend, an exchange or a refund, and we cover the postage.`;
    }
    default:
      return `Hi, this is a real person from ${store}.${order} How can I help?`;
  }
}

/** The line the rep may send first (they can edit it). */
export function suggestedFirstLine(input: OpenerInput): string {
  if (input.script === 'en') return enLine(input);
  const line = zhLine(input);
  return input.script === 'hant' ? toScript(line, 'hant') : line;
}
