/** Picks the buyer's language out of the store's bilingual texts. */
import type { Script } from '../../intents/types.js';
import type { Text } from './schema.js';

/** Language of the reply templates: traditional Chinese replies are made from zh and converted at the end. */
export type Lang = 'zh' | 'en';

/** The template language for a buyer's script. */
export function langOf(script: Script): Lang {
  return script === 'en' ? 'en' : 'zh';
}

/** The text in the buyer's language. */
export function say(text: Text, lang: Lang): string {
  return text[lang];
}

/** Joins a list the way each language does: 黑色、白色和蓝色 / black, white and blue. */
export function list(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const sep = lang === 'zh' ? '、' : ', ';
  const and = lang === 'zh' ? '和' : ' and ';
  return `${items.slice(0, -1).join(sep)}${and}${items.at(-1)}`;
}
