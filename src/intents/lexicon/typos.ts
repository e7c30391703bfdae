/**
 * Buyer typos and chat spellings of store words, fixed during normalisation. Each fix must be safe: the wrong
 * form is not a word buyers mean otherwise, and guards (look-arounds) rule out the readings that would break a
 * correct sentence. Patterns see simplified, lower-case text and must not contain capturing groups.
 */
export interface TypoFix {
  /** Regular-expression source (no capturing groups). */
  find: string;
  to: string;
  /** Why it is safe. */
  why: string;
}

/** The fixes, applied in one pass in this order of preference. */
export const TYPO_FIXES: readonly TypoFix[] = [
  { find: '(?<![0-9一二两三四五六七八九十半])尺吗', to: '尺码', why: 'pinyin slip ma; after a numeral 尺 is the waist unit (二尺吗)' },
  { find: '尺马', to: '尺码', why: 'not a word' },
  { find: '发或(?!者)', to: '发货', why: 'pinyin slip huo; 发或者 (send or …) is kept' },
  { find: '退或(?!者)', to: '退货', why: 'as above' },
  { find: '换或(?!者)', to: '换货', why: 'as above' },
  { find: '收或(?!者)', to: '收货', why: 'as above' },
  { find: '在嘛', to: '在吗', why: 'same greeting, chat spelling' },
  { find: '在麽', to: '在吗', why: 'same greeting, old spelling' },
  { find: '(?<!面)包油(?=[吗嘛么不没呢]|$| )', to: '包邮', why: 'pinyin slip you; only when asked (包油吗), never 面包油' },
  { find: '优惠卷', to: '优惠券', why: 'the commonest misspelling of 券' },
  { find: '运费显|运费陷', to: '运费险', why: 'not words' },
  { find: '快第', to: '快递', why: 'not a word' },
  { find: '神马', to: '什么', why: 'internet slang; no horse is sold as 神马' },
  { find: '肿么', to: '怎么', why: 'internet slang' },
  { find: '介个', to: '这个', why: 'internet slang' },
  { find: '酱紫', to: '这样子', why: 'internet slang' },
  { find: '7天无理由', to: '七天无理由', why: 'one policy name, one spelling' },
];
