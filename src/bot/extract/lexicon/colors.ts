/** Colour ids (as the entity extractor gives them) to the Chinese names used in tags, and when a colour is wanted. */
import { COLORS } from '../../../intents/lexicon/colors.js';

/** Canonical colour id → the name a 偏好… tag uses: the palette's label (its first Chinese name). */
export const COLOR_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  COLORS.map((c) => [c.id, c.zh[0] ?? c.id]),
);

/** Chinese words just before a colour that say the buyer wants it (喜欢黑色, 有没有白色, 换成蓝色). */
export const WANT_BEFORE_ZH = /(?:喜欢|想要|要|偏好|偏爱|爱穿|中意|钟意|只穿|常穿|换成|换个|换|来一?件|有没有|有|拿|选)[^ ]{0,2}$/;
/** A negation before those words: 不喜欢黑色 is no preference for black. */
export const NOT_WANT_BEFORE_ZH = /(?:不|没|别|不太)(?:喜欢|想要|要|爱穿|太喜欢|选|拿)[^ ]{0,2}$/;
/** Words just after a colour that ask for it (黑色还有吗, 白色的有货吗, 黑色显白吗). */
export const WANT_AFTER_ZH = /^(?:的|款|色)?(?:还有|有没有|有货|有吗|有不|可以吗|好看吗|显白|显瘦吗)/;
/** English: "do you have it in black", "i like the black one", "black available?". */
export const WANT_BEFORE_EN = /(?:^| )(?:like|love|prefer|want|wanted|looking for|have|in|any|get|take)(?: (?:a|an|the|it|one|this|that|in|some))* $/;
export const NOT_WANT_BEFORE_EN = /(?:^| )(?:dont|do not|not|no|never|hate|didnt)(?: [a-z]+){0,2} $/;
export const WANT_AFTER_EN = /^ (?:one |ones |colou?r |version )?(?:available|in stock|please|pls)/;
