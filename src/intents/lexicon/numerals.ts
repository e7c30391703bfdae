/** Chinese numerals as buyers write them for heights, weights, prices and counts (一米七五, 一百二十斤, 两件). */

/** Digit characters → value. */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Character class source for a Chinese numeral run (use inside a RegExp). */
export const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万]';

/**
 * Value of a Chinese numeral, or undefined when it is not one. Understands the spoken short forms:
 * 十五 = 15, 一百二 = 120 (a trailing digit after 百/千 counts one unit lower), 一百零五 = 105, and digit strings
 * such as 七五 = 75.
 */
export function parseChineseNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if ([...s].every((c) => c in CN_DIGITS)) {
    return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  for (const c of s) {
    const d = CN_DIGITS[c];
    const u = UNITS[c];
    if (d !== undefined) {
      digit = d;
    } else if (u === 10000) {
      total += (section + (digit ?? 0)) * u;
      section = 0;
      digit = undefined;
      lastUnit = u;
    } else if (u !== undefined) {
      section += (digit ?? (u === 10 ? 1 : 0)) * u;
      if (digit === undefined && u !== 10) return undefined;
      digit = undefined;
      lastUnit = u;
    } else {
      return undefined;
    }
  }
  // 一百二: the lone trailing digit is in the next lower unit (20), unless a 零 came before it (一百零二 = 102).
  if (digit !== undefined) section += lastUnit >= 100 && !s.includes('零') ? digit * (lastUnit / 10) : digit;
  return total + section;
}
