/** Tags reps type by hand: checked so that a tag stays a short label and never carries personal data. */
import { maskPii } from '../../intents/mask.js';
import { MarketingError } from './errors.js';

export const MAX_TAG_LENGTH = 20;

/** The tag as it will be stored (trimmed), or a `bad_tag` error saying what is wrong with it. */
export function checkRepTag(raw: unknown): string {
  if (typeof raw !== 'string') throw new MarketingError('bad_tag', 'tag must be text');
  const tag = raw.trim();
  if (tag.length === 0) throw new MarketingError('bad_tag', 'tag is empty');
  if ([...tag].length > MAX_TAG_LENGTH) throw new MarketingError('bad_tag', `tag is longer than ${MAX_TAG_LENGTH} characters`);
  // Commas separate tags in segment queries and CSV cells; control characters break both.
  if (/[,，、\p{Cc}]/u.test(tag)) throw new MarketingError('bad_tag', 'tag must not contain commas or control characters');
  if (maskPii(tag) !== tag) throw new MarketingError('bad_tag', 'tag must not contain a phone number, address or name');
  return tag;
}
