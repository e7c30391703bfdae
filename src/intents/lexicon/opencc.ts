/**
 * OpenCC conversion over flat maps, with opencc-js's own dictionaries and rules. opencc-js keeps every dictionary
 * as a trie of Maps, one per character, so the simplified→Taiwan converter alone held ~40 MB of heap (~68 MB
 * resident) for 50,000 phrases, twice over (segmentation and conversion). Here a dictionary group is one Map from
 * phrase to replacement plus, per first character, which phrase lengths exist: the same longest-match results
 * (test/intents/lexicon/opencc.test.ts compares them with opencc-js on every dictionary key and the training
 * text) in ~1/10 of the memory, at a few µs per short message.
 */
import OpenCC from 'opencc-js';

type DictLike = string | readonly (readonly string[])[];
type Group = readonly DictLike[];

/** A dictionary group: phrase → replacement; within a group the first dictionary wins, within one the last line. */
class FlatDict {
  private readonly map = new Map<string, string>();
  /** First UTF-16 unit → bit n set when some key starting with it is n units long (keys are at most 31). */
  private readonly lengths = new Map<number, number>();
  /** The replacement of the last match() (saves looking the key up twice). */
  private found = '';

  constructor(group: Group) {
    for (const dict of [...group].reverse()) {
      if (typeof dict === 'string') this.addText(dict);
      else for (const [key, value] of dict) if (key && value !== undefined) this.add(key, value);
    }
  }

  /** `key value|key value…`, read in place (splitting 50,000 entries into arrays first doubled the start's memory). */
  private addText(text: string): void {
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('|', start);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', start);
      if (space > start && space < end) {
        const next = text.indexOf(' ', space + 1);
        this.add(text.slice(start, space), text.slice(space + 1, next > space && next < end ? next : end));
      }
      start = end + 1;
    }
  }

  private add(key: string, value: string): void {
    this.map.set(key, value);
    const first = key.charCodeAt(0);
    this.lengths.set(first, (this.lengths.get(first) ?? 0) | (1 << Math.min(key.length, 31)));
  }

  /** Length (UTF-16 units) of the longest key starting at s[i], or 0; its replacement is left in `found`. */
  match(s: string, i: number): number {
    const mask = this.lengths.get(s.charCodeAt(i));
    if (mask === undefined) return 0;
    for (let len = Math.min(31, s.length - i); len > 0; len--) {
      if ((mask & (1 << len)) === 0) continue;
      const value = this.map.get(s.slice(i, i + len));
      if (value !== undefined) {
        this.found = value;
        return len;
      }
    }
    return 0;
  }

  /** Replaces the longest match at each place, left to right (OpenCC's Trie.convert). */
  convert(s: string): string {
    let out = '';
    let plain = -1;
    for (let i = 0; i < s.length;) {
      const len = this.match(s, i);
      if (len > 0) {
        if (plain >= 0) { out += s.slice(plain, i); plain = -1; }
        out += this.found;
        i += len;
      } else {
        if (plain < 0) plain = i;
        i += unmatchedLength(s, i);
      }
    }
    return plain >= 0 ? out + s.slice(plain) : out;
  }

  /** Cuts s into matched phrases and the runs between them (OpenCC's Trie.segment). */
  segment(s: string): string[] {
    const parts: string[] = [];
    let plain = -1;
    for (let i = 0; i < s.length;) {
      const len = this.match(s, i);
      if (len > 0) {
        if (plain >= 0) { parts.push(s.slice(plain, i)); plain = -1; }
        parts.push(s.slice(i, i + len));
        i += len;
      } else {
        if (plain < 0) plain = i;
        i += unmatchedLength(s, i);
      }
    }
    if (plain >= 0) parts.push(s.slice(plain));
    return parts;
  }
}

const unitLength = (s: string, i: number): number => ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

/** Operands of an ideographic description character (⿰ takes 2, ⿲ 3), or 0 for any other. */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence starting at i, or 0 when none starts there. */
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + unitLength(s, i);
  for (let n = 0; n < arity; n += 1) {
    if (end >= s.length) return 0;
    end = idsEnd(s, end) || end + unitLength(s, end);
  }
  return end;
}

/** How far to step over text no key matches: one character, or a whole description sequence (OpenCC keeps it whole). */
function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : unitLength(s, i);
}

/** Applies dictionary groups one after another, like opencc-js's ConverterFactory. */
export function flatConverter(...groups: Group[]): (s: string) => string {
  const dicts = groups.map((g) => new FlatDict(g));
  return (s) => dicts.reduce((text, d) => d.convert(text), s);
}

interface LocaleConfig { normalizationChain?: Group[]; segmentation?: Group; conversionChain: Group[] }

/** A converter for one of opencc-js's configs (e.g. s2tw): normalise, cut into phrases, convert each phrase. */
export function configConverter(name: string): (s: string) => string {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, LocaleConfig> }).configs[name];
  if (!config) throw new Error(`no OpenCC config ${name}`);
  const normalise = config.normalizationChain ? flatConverter(...config.normalizationChain) : (s: string) => s;
  const cutter = config.segmentation ? new FlatDict(config.segmentation) : null;
  const chain = config.conversionChain.map((g) => new FlatDict(g));
  // Replies are mostly the same few hundred texts, ~100 µs each to convert: remember the recent ones.
  const recent = new Map<string, string>();
  return function convert(s) {
    const known = recent.get(s);
    if (known !== undefined) return known;
    const text = normalise(s);
    const parts = cutter ? cutter.segment(text) : [text];
    const out = parts.map((p) => chain.reduce((t, d) => d.convert(t), p)).join('');
    if (s.length <= CACHED_TEXT) {
      if (recent.size >= CACHED_TEXTS) recent.clear();
      recent.set(s, out);
    }
    return out;
  };
}

/** Bounds of a config converter's memory of recent texts: ≤ 2,000 texts of ≤ 600 characters (~5 MB at most). */
const CACHED_TEXTS = 2_000;
const CACHED_TEXT = 600;
