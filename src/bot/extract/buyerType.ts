/** Who the buyer is, for the rep's handoff note: returning or new, member, gift or self, price, hurry, anger. */
import { toSimplified } from '../../intents/normalise.js';
import type { Normalised } from '../../intents/types.js';
import type { BuyerType, ChatLine, Mood, TagHit } from '../types.js';
import { compileKeywords } from './lexicon/keywords.js';
import { isNegated } from './mood.js';

/** Tags that prove an earlier order with the store. */
const PAST_ORDER_TAGS = new Set(['老客户', '有过退货']);
const GIFT_TAG = '送礼';
const SELF_TAG = '自用';
const PRICE_TAG = '价格敏感';
/** From this many messages on, the note calls the buyer a frequent writer (the articles single them out). */
const MANY_MESSAGES = 5;

const HURRY = compileKeywords([
  '急', '着急', '很急', '急用', '赶时间', '赶着', '赶紧', '明天就要', '后天就要', '今天能发', '今天发', '今天能到', '明天能到', '尽快',
  '马上要', '等着用', '快点', 'asap', 'urgent', 'hurry', 'rush', 'as soon as possible', 'need it by', 'need it tomorrow',
  'quickly',
]);

function hurried(text: string): boolean {
  return HURRY.all(text).some((hit) => !isNegated(text, hit));
}

/**
 * Whether an earlier buyer line (as typed) shows hurry. Each turn looks back over the same lines again, and
 * simplifying them through OpenCC was most of a turn's extract time, so answers are remembered per text.
 */
const earlierHurry = new Map<string, boolean>();
/** Bounds the memory: at most 10,000 texts of at most 200 characters (longer ones are rare and not kept). */
const EARLIER_HURRY_MAX = 10_000;
const EARLIER_HURRY_TEXT = 200;
function hurriedBefore(text: string): boolean {
  let found = earlierHurry.get(text);
  if (found === undefined) {
    // History lines are stored as the buyer typed them; a cheap simplification is enough for these words.
    found = hurried(toSimplified(text.toLowerCase()));
    if (text.length > EARLIER_HURRY_TEXT) return found;
    if (earlierHurry.size >= EARLIER_HURRY_MAX) earlierHurry.clear();
    earlierHurry.set(text, found);
  }
  return found;
}

/** Builds the buyer description; `label` is one short Chinese line like "回头客 · VIP · 送礼(送女友) · 着急". */
export function describeBuyer(input: {
  history: ChatLine[]; priorChats: number; memberLevel: string | null; tags: TagHit[]; mood: Mood;
  messages: number; norm: Normalised;
}): BuyerType {
  const { history, priorChats, memberLevel, tags, mood, messages, norm } = input;
  const names = new Set(tags.map((t) => t.tag));
  const returning = priorChats > 0 || [...names].some((t) => PAST_ORDER_TAGS.has(t));
  const gift = names.has(GIFT_TAG);
  // Recipient tags are the 送… tags other than 送礼 itself, so a trainer's new 送老师 rule works here too.
  const giftFor = gift ? tags.find((t) => t.tag.startsWith('送') && t.tag !== GIFT_TAG)?.tag : undefined;
  const buyingFor: BuyerType['buyingFor'] = gift ? 'gift' : names.has(SELF_TAG) ? 'self' : 'unknown';
  const inAHurry = hurried(norm.text) || history.some((line) => line.from === 'buyer' && hurriedBefore(line.text));
  const buyer: BuyerType = {
    returning, memberLevel, buyingFor, priceSensitive: names.has(PRICE_TAG), inAHurry,
    angry: mood === 'angry', messages, label: '',
  };
  if (giftFor) buyer.giftFor = giftFor;
  buyer.label = buyerLabel(buyer, mood);
  return buyer;
}

/** The one-line label of a buyer description. */
export function buyerLabel(b: BuyerType, mood: Mood): string {
  const parts = [b.returning ? '回头客' : '首次咨询'];
  if (b.memberLevel) parts.push(b.memberLevel);
  if (b.buyingFor === 'gift') parts.push(b.giftFor ? `送礼(${b.giftFor})` : '送礼');
  if (b.buyingFor === 'self') parts.push('自用');
  if (b.priceSensitive) parts.push('价格敏感');
  if (b.inAHurry) parts.push('着急');
  if (b.angry) parts.push('生气');
  else if (mood === 'upset') parts.push('不满');
  if (b.messages >= MANY_MESSAGES) parts.push(`频繁留言(${b.messages}条)`);
  return parts.join(' · ');
}

/** Marketing tags that only the buyer description knows: new or returning, and the member level. */
export function buyerTags(b: BuyerType): TagHit[] {
  const tags: TagHit[] = [{ tag: b.returning ? '老客户' : '新客', source: 'rule', because: 'history' }];
  if (b.memberLevel) {
    const level = b.memberLevel.includes('会员') ? b.memberLevel : `${b.memberLevel}会员`;
    tags.push({ tag: level, source: 'rule', because: 'memberLevel' });
  }
  return tags;
}
