/** Unit words buyers type after a number, and what they turn into. Sources for the entity patterns. */

/** Weight units → kilograms per unit. 斤 is half a kilogram; buyers use it more than kg. */
export const WEIGHT_UNITS: Readonly<Record<string, number>> = {
  kg: 1, kgs: 1, 公斤: 1, 千克: 1, 斤: 0.5, lb: 0.45359237, lbs: 0.45359237, pound: 0.45359237, pounds: 0.45359237, 磅: 0.45359237,
};

/** Words that, written before a length, say it is a garment measurement and not the buyer's height or foot. */
export const GARMENT_MEASURES = ['衣长', '裤长', '袖长', '裙长', '胸围', '腰围', '臀围', '肩宽', '腿长', '长度', '宽度', '内长', '下摆'];

/**
 * Words that, right after a bare number, say it counts or prices something: such a number is never a height,
 * weight or shoe size (150件, 170元, 2024年, 39岁).
 */
export const NOT_A_MEASURE_AFTER = [
  '元', '块', '件', '个', '年', '月', '日', '号', '天', '单', '次', '条', '套', '双', '页', '层', '楼', '路', '室', '岁',
  '万', '%', '折', '分', '秒', '点', '克', 'g', 'ml', 'w', 'mm', 'cm', '厘米', '公分', '米', 'm', '斤', 'kg', '公斤',
  '千克', 'lb', '码', '寸', '毫米',
];

/** Words anywhere in a message that make a bare 140–200 number a height (我170 穿什么码). */
export const SIZE_CONTEXT = ['穿', '码', '尺', '号', 'size', 'fit', 'wear', '合适', '适合', '选', '身高', '个子', '体重', '斤', 'kg', '偏大', '偏小'];

/** Words that make a bare 33–48 a shoe size (39的鞋). */
export const SHOE_CONTEXT = ['鞋', '靴', '脚', 'shoe', 'sneaker', 'boot', 'trainer'];

/** Size words that are not letters → canonical size. 大码 is the plus-size range, not one letter size. */
export const SIZE_WORDS: Readonly<Record<string, string>> = {
  均码: 'FREE', 通码: 'FREE', 'free size': 'FREE', 'one size': 'FREE', 加大码: 'XL', 加大号: 'XL', 特大号: 'XXL',
  大码: 'PLUS', 'plus size': 'PLUS', 大号: 'L', 中码: 'M', 中号: 'M', 小码: 'S', 小号: 'S', medium: 'M',
};

/** Letter sizes as typed (lower-case) → canonical. 2xl and xxl are one size. */
export const LETTER_SIZES: Readonly<Record<string, string>> = {
  xxxs: 'XXXS', '3xs': 'XXXS', xxs: 'XXS', '2xs': 'XXS', xs: 'XS', s: 'S', m: 'M', l: 'L', xl: 'XL', xxl: 'XXL',
  '2xl': 'XXL', xxxl: 'XXXL', '3xl': 'XXXL', xxxxl: '4XL', '4xl': '4XL', '5xl': '5XL', '6xl': '6XL',
};
