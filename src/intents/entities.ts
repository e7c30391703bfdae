/**
 * Entity stage: normalised text → the facts the bot acts on (order numbers, body measurements, sizes, colours,
 * money, couriers, counts), with offsets into the normalised text.
 *
 * Rules run from the most specific to the most general, and a span taken once cannot be taken again: an order
 * number (15–20 digits) is claimed before the phone rule could see 11 digits inside it, 170元 is money before the
 * bare-height rule looks at 170, and 1.7m is a height before the size rule sees an "m".
 */
import type { Entity, EntityKind } from './types.js';
import { COLORS, SHORT_COLORS } from './lexicon/colors.js';
import { COURIERS } from './lexicon/couriers.js';
import { CN_DIGITS, CN_NUMERAL, parseChineseNumber } from './lexicon/numerals.js';
import {
  GARMENT_MEASURES, LETTER_SIZES, NOT_A_MEASURE_AFTER, SHOE_CONTEXT, SIZE_CONTEXT, SIZE_WORDS, WEIGHT_UNITS,
} from './lexicon/units.js';

/** Entities found so far; the first rule to claim a span keeps it. */
class Found {
  readonly list: Entity[] = [];
  constructor(readonly text: string) {}

  add(kind: EntityKind, value: string | number, start: number, end: number): boolean {
    for (const e of this.list) if (start < e.end && e.start < end) return false;
    this.list.push({ kind, value, text: this.text.slice(start, end), start, end });
    return true;
  }

  value(kind: EntityKind): string | number | undefined {
    for (const e of this.list) if (e.kind === kind) return e.value;
    return undefined;
  }
}

/** Tests on the whole message that let rules which cannot apply be skipped; each runs once per message. */
type Gate = 'digit' | 'numeral' | 'sizeTalk' | 'shoeTalk';

/**
 * One pattern and what a match of it adds, skipped unless its gate holds. Rules are plain objects built once:
 * nothing is allocated per message but the matches.
 */
interface Rule {
  re: RegExp;
  when?: Gate;
  take(m: RegExpExecArray, f: Found): void;
}
type Span = readonly [number, number];

/** Start and end of a capture group (the `d` flag), or of the whole match. */
function at(m: RegExpExecArray, group = 0): Span {
  return m.indices?.[group] ?? [m.index, m.index + m[0].length];
}

/** A number written in digits or Chinese numerals. */
function num(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  return /^\d/.test(s) ? Number(s) : parseChineseNumber(s) ?? Number.NaN;
}

const between = (v: number, lo: number, hi: number): boolean => v >= lo && v <= hi;
const round1 = (v: number): number => Math.round(v * 10) / 10;
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Names as one pattern; Latin names must stand alone as words (red, not the red in ordered), Chinese ones need not. */
function namesPattern(names: readonly string[]): RegExp {
  const latin = names.filter((n) => /^[a-z ]+$/.test(n));
  const other = names.filter((n) => !latin.includes(n));
  return new RegExp(`${alternation(other)}|(?<![a-z])(?:${alternation(latin)})(?![a-z])`, 'gd');
}

const DIGIT = /\d/;
const NUMERAL = new RegExp(`\\d|${CN_NUMERAL}`);
const NUM = `\\d{1,3}(?:\\.\\d{1,2})?|${CN_NUMERAL}{1,6}`;
const FILLER = '\\s*(?:是|有|大概|约|大约|差不多|:)?\\s*';
const NOT_AFTER = new RegExp(`^\\s?(?:${alternation(NOT_A_MEASURE_AFTER)})`);
const GARMENT_BEFORE = new RegExp(`(?:${alternation(GARMENT_MEASURES)})\\D{0,3}$`);
const SIZE_CTX = new RegExp(`\\d[\\s\\S]*(?:${alternation(SIZE_CONTEXT)})|(?:${alternation(SIZE_CONTEXT)})[\\s\\S]*\\d`);
const SHOE_CTX = new RegExp(alternation(SHOE_CONTEXT));

const bmiFits = (kg: number, cm: number): boolean => between(kg / (cm / 100) ** 2, 15, 40);

/** Kilograms from a weight typed without a unit: the reading with a plausible BMI wins; 斤 when both fit. */
export function guessKg(v: number, heightCm?: number): number {
  if (heightCm !== undefined && heightCm > 0) {
    if (bmiFits(v / 2, heightCm)) return v / 2;
    if (bmiFits(v, heightCm)) return v;
  }
  return v >= 90 ? v / 2 : v;
}

const digit = (c: string | undefined): number => (c === undefined ? 0 : CN_DIGITS[c] ?? Number(c));
const isMm = (unit: string | undefined): boolean => unit === 'mm' || unit === '毫米';
const notAMeasureAfter = (f: Found, end: number): boolean => NOT_AFTER.test(f.text.slice(end, end + 4));

// ---- order numbers, phones, money ----
const orderKeyword: Rule = {
  re: /(?<!快递|运|物流)(?:订单编号|订单号码|订单号|订单|单号|order(?: number| no| id| num)?)\s*(?:是|为|号)?\s*(\d{6,20})(?![\d.])/gd,
  when: 'digit',
  take: (m, f) => f.add('orderId', m[1] ?? '', ...at(m, 1)),
};
const phoneHk: Rule = {
  re: /(?:\+|00)852\s?([2-9]\d{3})\s?(\d{4})(?![\d.])/gd,
  when: 'digit',
  take: (m, f) => f.add('phone', `+852${m[1]}${m[2]}`, ...at(m)),
};
const phoneCn: Rule = {
  re: /(?<![\d.])(?:(?:\+|00)?86\s?)?(1[3-9]\d)\s?(\d{4})\s?(\d{4})(?![\d.])/gd,
  when: 'digit',
  take: (m, f) => f.add('phone', `${m[1]}${m[2]}${m[3]}`, ...at(m)),
};
const orderBare: Rule = {
  re: /(?<![\d.a-z])\d{15,20}(?![\d.])/gd,
  when: 'digit',
  take: (m, f) => f.add('orderId', m[0], ...at(m)),
};
function takeMoney(m: RegExpExecArray, f: Found): void {
  const v = num(m[1]);
  if (Number.isFinite(v)) f.add('money', v, ...at(m));
}
// 块 is also a measure word (一块污渍): it counts as money only before 钱, a particle, a digit or the end.
const KUAI = '块(?=钱|$|\\s|\\d|[吗呢吧啊了的多左右就都也还能可不是])';
const moneyBefore: Rule = { re: /(?:¥|rmb|人民币)\s*(\d+(?:\.\d{1,2})?)(?![\d.])/gd, when: 'digit', take: takeMoney };
const moneyAfter: Rule = {
  re: new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d{1,2})?|${CN_NUMERAL}{1,6})\\s*(?:元|块钱|rmb|人民币|${KUAI})`, 'gd'),
  when: 'numeral',
  take: takeMoney,
};

// ---- body: foot, height, weight ----
const footKeyword: Rule = {
  re: new RegExp(`(?:脚长度|脚的长度|脚长|foot length|脚)${FILLER}(\\d{2,3}(?:\\.\\d)?)\\s*(cm|厘米|公分|mm|毫米)?(?![\\d.a-z])`, 'gd'),
  when: 'digit',
  take(m, f) {
    const v = num(m[1]);
    const cm = isMm(m[2]) || v >= 100 ? v / 10 : v;
    if (between(cm, 10, 35)) f.add('footLength', round1(cm), at(m, 1)[0], at(m)[1]);
  },
};
const metreDigits: Rule = {
  re: /(?<![\d.])([1一])\s*(?:米|m)\s*([4-9四五六七八九])([0-9〇零一二三四五六七八九])?(?![\d.])/gd,
  take: (m, f) => f.add('height', 100 + digit(m[2]) * 10 + digit(m[3]), ...at(m)),
};
const metres: Rule = {
  re: /(?<![\d.])([12]\.\d{1,2})\s*(?:米|m)(?![a-z])/gd,
  when: 'digit',
  take(m, f) {
    const cm = Math.round(num(m[1]) * 100);
    if (between(cm, 100, 230)) f.add('height', cm, ...at(m));
  },
};
const feet: Rule = {
  re: /(?<![\d.])([4-7])\s*(?:'|ft|feet|foot|呎)\s*(?:(1[01]|\d)(?![\d.])\s*(?:"|'|inches|inch|in|吋)?)?(?![a-z\d])/gd,
  when: 'digit',
  take: (m, f) => f.add('height', Math.round(num(m[1]) * 30.48 + (m[2] === undefined ? 0 : num(m[2])) * 2.54), ...at(m)),
};
/** 170cm is a height, 25cm a foot, 245mm a foot; 腰围70cm and 衣长65cm are the garment's and are left alone. */
const lengths: Rule = {
  re: /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|mm|毫米)(?![a-z])/gd,
  when: 'digit',
  take(m, f) {
    const [start, end] = at(m);
    if (GARMENT_BEFORE.test(f.text.slice(Math.max(0, start - 6), start))) return;
    const v = num(m[1]);
    const mm = isMm(m[2]);
    if (mm && between(v, 150, 350)) f.add('footLength', v / 10, start, end);
    else if (!mm && between(v, 100, 230)) f.add('height', Math.round(v), start, end);
    else if (!mm && between(v, 12, 35)) f.add('footLength', v, start, end);
  },
};
const weightUnit: Rule = {
  re: new RegExp(`(?<![\\d.])(${NUM})\\s*(${alternation(Object.keys(WEIGHT_UNITS))})(?![a-z])`, 'gd'),
  when: 'numeral',
  take(m, f) {
    const kg = num(m[1]) * (WEIGHT_UNITS[m[2] ?? ''] ?? Number.NaN);
    if (between(kg, 2, 250)) f.add('weight', round1(kg), ...at(m));
  },
};
/** 170 60, 170/60, 1.7 120斤: height first, then weight (unit optional). */
const pair: Rule = {
  re: /(?<![\d.])(1[4-9]\d|200|1\.[4-9]\d?)\s*(?:cm|厘米)?\s+(\d{2,3}(?:\.\d)?)\s*(kgs?|公斤|千克|斤|lbs?)?(?![\d.a-z])/gd,
  when: 'digit',
  take(m, f) {
    const first = num(m[1]);
    const h = first < 3 ? Math.round(first * 100) : first;
    const w = num(m[2]);
    const kg = m[3] === undefined ? guessKg(w, h) : w * (WEIGHT_UNITS[m[3]] ?? 1);
    if (!between(kg, 30, 200)) return;
    f.add('height', h, ...at(m, 1));
    f.add('weight', round1(kg), at(m, 2)[0], at(m)[1]);
  },
};
const heightKeyword: Rule = {
  re: new RegExp(`(?:身高|个子|个头|高|height|tall|i am|im)${FILLER}([12]\\.\\d{1,2}|\\d{2,3}(?:\\.\\d)?)(?![\\d.])`, 'gd'),
  when: 'digit',
  take(m, f) {
    const v = num(m[1]);
    const cm = v < 3 ? Math.round(v * 100) : Math.round(v);
    if (between(cm, 50, 230)) f.add('height', cm, ...at(m, 1));
  },
};
const weightKeyword: Rule = {
  re: new RegExp(`(?:体重|重|weight|weighs|weigh)${FILLER}(\\d{2,3}(?:\\.\\d)?|${CN_NUMERAL}{2,6})(?![\\d.])`, 'gd'),
  when: 'numeral',
  take(m, f) {
    const h = f.value('height');
    const kg = guessKg(num(m[1]), typeof h === 'number' ? h : undefined);
    if (between(kg, 2, 250)) f.add('weight', round1(kg), ...at(m, 1));
  },
};
/** A bare 140–200 is a height only in a message about sizes, and never before 元/件/年… (150件, 2024年). */
const bareHeight: Rule = {
  re: /(?<![\d.¥+满减第省送价])(1[4-9]\d|200)(?![\d.])/gd,
  when: 'sizeTalk',
  take(m, f) {
    const [start, end] = at(m);
    if (!notAMeasureAfter(f, end)) f.add('height', Number(m[1]), start, end);
  },
};

// ---- shoe sizes, letter sizes ----
function takeShoe(m: RegExpExecArray, f: Found): void {
  const [start, end] = at(m);
  if (m[0].endsWith('码') || !notAMeasureAfter(f, end)) f.add('shoeSize', num(m[1]) + (m[2] ? 0.5 : 0), start, end);
}
const shoeMa: Rule = { re: /(?<![\d.])(3[3-9]|4[0-8])(\.5)?\s*码/gd, when: 'digit', take: takeShoe };
const shoeBare: Rule = {
  re: /(?<![\d.])(?:eu\s*|size\s*)?(3[3-9]|4[0-8])(\.5)?(?:\s*eu)?(?![\d.])/gd,
  when: 'shoeTalk',
  take: takeShoe,
};
const sizeWord: Rule = {
  re: new RegExp(`(?<![a-z])(?:${alternation(Object.keys(SIZE_WORDS))})(?![a-z])`, 'gd'),
  take: (m, f) => f.add('size', SIZE_WORDS[m[0]] ?? m[0], ...at(m)),
};
const HAN = /\p{Script=Han}/u;
// Words around a lone s/m/l that make it a size in English (size m, m or l, in an m).
const LETTER_BEFORE = /(?:^|\s)(?:size|in|an?|or|and|wear|take|get|is|the|usually)\s$/;
const LETTER_AFTER = /^\s(?:size|or|and|fit)(?:\s|$)/;
/** A lone s, m or l is a size only beside Chinese (穿m, l码) or in an English size phrase; xl and up always are. */
function letterIsSize(text: string, start: number, end: number): boolean {
  if (HAN.test(text.charAt(start - 1)) || HAN.test(text.charAt(end))) return true;
  return LETTER_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || LETTER_AFTER.test(text.slice(end, end + 6));
}
const letterSize: Rule = {
  re: new RegExp(`(?<![a-z\\d])(${alternation(Object.keys(LETTER_SIZES))})(?![a-z])`, 'gd'),
  take(m, f) {
    const [start, end] = at(m);
    if (m[0].length > 1 || letterIsSize(f.text, start, end)) f.add('size', LETTER_SIZES[m[0]] ?? m[0].toUpperCase(), start, end);
  },
};

// ---- colours, couriers, counts ----
const COLOR_ID = new Map<string, string>();
for (const c of COLORS) for (const name of [...c.zh, ...c.en]) COLOR_ID.set(name, c.id);
const COURIER_ID = new Map<string, string>();
for (const c of COURIERS) for (const name of c.names) COURIER_ID.set(name, c.id);

const colorName: Rule = { re: namesPattern([...COLOR_ID.keys()]), take: (m, f) => f.add('color', COLOR_ID.get(m[0]) ?? m[0], ...at(m)) };
const shortColor: Rule = {
  re: new RegExp(`(?<=[要有拿是买选发换穿个件款只双条])([${Object.keys(SHORT_COLORS).join('')}])的`, 'gd'),
  take: (m, f) => f.add('color', SHORT_COLORS[m[1] ?? ''] ?? '', ...at(m, 1)),
};
const courier: Rule = { re: namesPattern([...COURIER_ID.keys()]), take: (m, f) => f.add('courier', COURIER_ID.get(m[0]) ?? m[0], ...at(m)) };
const quantity: Rule = {
  re: new RegExp(`(?<![第\\d.])(\\d{1,3}|${CN_NUMERAL}{1,3})\\s*(?:件|个|条|双|套|盒|瓶|支|只|台|份|箱|袋|顶|pcs)(?!月|星期|小时|多月|人|工作日|钟|码)`, 'gd'),
  when: 'numeral',
  take(m, f) {
    const v = num(m[1]);
    if (Number.isInteger(v) && v > 0) f.add('quantity', v, ...at(m));
  },
};

/** Most specific first: see the module comment. */
const RULES: readonly Rule[] = [
  orderKeyword, phoneHk, phoneCn, orderBare, moneyBefore, moneyAfter, footKeyword, metreDigits, metres, feet, lengths,
  weightUnit, pair, heightKeyword, weightKeyword, bareHeight, shoeMa, shoeBare, sizeWord, letterSize, colorName,
  shortColor, courier, quantity,
];

/** Entities of normalised text, in text order, each with its offsets into that text. */
export function extractEntities(text: string): Entity[] {
  const f = new Found(text);
  const hasDigit = DIGIT.test(text);
  const gates: Record<Gate, boolean> = {
    digit: hasDigit,
    numeral: hasDigit || NUMERAL.test(text),
    sizeTalk: hasDigit && SIZE_CTX.test(text),
    shoeTalk: hasDigit && SHOE_CTX.test(text),
  };
  for (const rule of RULES) {
    if (rule.when !== undefined && !gates[rule.when]) continue;
    const { re } = rule;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) rule.take(m, f);
  }
  return f.list.sort((a, b) => a.start - b.start);
}
