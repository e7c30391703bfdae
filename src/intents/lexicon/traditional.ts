/**
 * Traditional→simplified tables built once from opencc-js's own data (OpenCC TSCharacters plus the Taiwan and
 * Hong Kong variant tables), so detection and conversion agree with the converter used for replies.
 */
import OpenCC from 'opencc-js';

type Pairs = Map<string, string>;

/** Single-character pairs of an OpenCC dictionary group list (`key value|…` text); phrases are skipped. */
function charTable(groups: readonly (readonly unknown[])[] | undefined): Pairs {
  const out: Pairs = new Map();
  for (const group of groups ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [k = '', v = ''] = entry.split(' ');
        if ([...k].length === 1 && [...v].length === 1 && k !== v) out.set(k, v);
      }
    }
  }
  return out;
}

// OpenCC's naming: Locale.to.cn holds traditional→simplified, Locale.from.cn simplified→traditional,
// Locale.from.tw/hk the regional variant → OpenCC standard tables.
const tsChars = charTable(OpenCC.Locale.to['cn']);
const stChars = charTable(OpenCC.Locale.from['cn']);
const simplifiedOut = new Set(tsChars.values());

/** Traditional (and Taiwan/Hong Kong variant) character → simplified character. */
export const T2S_CHARS: ReadonlyMap<string, string> = (() => {
  const out = new Map(tsChars);
  const variants = [...charTable(OpenCC.Locale.from['tw']), ...charTable(OpenCC.Locale.from['hk'])];
  // A regional variant becomes the OpenCC standard form, which then simplifies (衞 → 衛 → 卫, 著 → 着). Variants
  // that simplified writers type too (么, 台, 床) are skipped, or 什么 would become 什幺.
  for (const [k, v] of variants) {
    const final = tsChars.get(v) ?? v;
    if (!stChars.has(k) && !out.has(k) && final !== k) out.set(k, final);
  }
  return out;
})();

/**
 * Characters only traditional writing uses: they simplify to something else, and they are neither a simplified
 * character with a traditional form nor the simplified result of another character (so 著, 乾坤's 乾 and 台 are
 * not proof of traditional writing, but 嗎, 貨, 發 are).
 */
export const TRAD_ONLY: ReadonlySet<string> = new Set(
  [...tsChars.keys()].filter((c) => !stChars.has(c) && !simplifiedOut.has(c)),
);
