/** Paraphrase sets for the grouping tests: many wordings of three questions the shipped intents do not cover. */

const PREFIXES = ['', '亲 ', '你好 ', '在吗 ', '老板 '];

/** Fifty wordings of "can you gift-wrap it": ten cores with buyers' openers. */
export const GIFT_WRAP = [
  '可以帮忙包装成礼物吗', '能包成礼品吗', '有礼盒包装吗', '可以用礼品盒装吗', '送人的能包装一下吗',
  '礼品包装要钱吗', '有没有礼品袋', '能给包个礼盒吗', '可以做礼物包装吗', '礼物包装多少钱',
].flatMap((core) => PREFIXES.map((p) => `${p}${core}`));

/** Wordings of "do you have a physical shop". */
export const PHYSICAL_SHOP = [
  '你们有实体店吗', '线下有门店吗', '实体店在哪里', '有实体店可以去试穿吗', '有线下店吗 想去看看',
  '你们店在哪个城市 有实体店没', '请问有门店吗', '线下门店地址发一下', '实体店和网店一个价吗', '有没有实体店',
];

/** Wordings of "can I get free samples". */
export const SAMPLES = [
  '能送小样吗', '有试用装吗', '可以给个小样吗', '买了送小样吗', '小样可以多送几个吗',
  '有没有赠品小样', '试用装怎么领', '能不能送点试用装', '小样有吗', '下单送小样不',
];

/** Messages that belong with none of the above. */
export const LONERS = ['今天天气怎么样', '你是机器人吗', '哈哈哈哈', 'what is the meaning of life'];
