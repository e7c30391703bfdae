/** Normalise stage: the language layer's canonical text, and the script the reply will be written in. */
import { toScript } from '../../intents/normalise.js';
import type { Nlu, Normalised, Script } from '../../intents/types.js';
import type { Stage } from './turn.js';

// Latin tokens that are units or sizes, not English: "170 60kg" or "M" from a Chinese buyer is still Chinese.
const NOT_ENGLISH = new Set(['kg', 'cm', 'mm', 'm', 'lb', 'lbs', 'ft', 'in', 'jin', 'xs', 's', 'l', 'xl', 'xxl', 'xxxl', 'ok', 'vip', 'sf', 'ems', 'jd']);
// Words that show a one-word message is English; a lone unknown word (asdfgh) keeps the chat's script.
const ENGLISH_WORDS = new Set(['hi', 'hello', 'hey', 'thanks', 'thank', 'thx', 'bye', 'yes', 'no', 'please', 'help', 'size',
  'sizes', 'colour', 'color', 'colours', 'colors', 'shipping', 'delivery', 'invoice', 'refund', 'return', 'exchange',
  'price', 'discount', 'coupon', 'coupons', 'stock', 'human', 'agent', 'person', 'broken', 'damaged', 'cancel', 'payment']);

/**
 * The reply script. A message that shows no script of its own (digits, units, sizes, emoji, or Chinese whose
 * characters are the same in both scripts) keeps the script of the chat so far.
 */
export function replyScript(norm: Normalised, previous: Script): Script {
  const hasHan = /\p{Script=Han}/u.test(norm.raw);
  if (!hasHan) {
    const words = (norm.raw.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !NOT_ENGLISH.has(w));
    return words.length > 1 || words.some((w) => ENGLISH_WORDS.has(w)) ? 'en' : previous;
  }
  if (norm.script === 'hant') return 'hant';
  // Detected as simplified: if it reads the same in traditional, it is ambiguous (好的, 在吗) and keeps the chat's script.
  return previous === 'hant' && toScript(norm.raw, 'hant') === norm.raw ? 'hant' : 'hans';
}

/** Builds the normalise stage. */
export function makeNormalise({ nlu }: { nlu: Nlu }): Stage {
  return function normaliseStage(turn) {
    const norm = nlu.normalise(turn.raw);
    turn.norm = norm;
    turn.script = replyScript(norm, turn.state.script);
    turn.state.script = turn.script;
    return turn;
  };
}
