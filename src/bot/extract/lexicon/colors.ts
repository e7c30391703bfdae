/** Colour ids (as the entity extractor gives them) to the Chinese names used in tags, and when a colour is wanted. */

/** Canonical colour id → the name a 偏好… tag uses. */
export const COLOR_NAMES: Record<string, string> = {
  black: '黑色', white: '白色', red: '红色', blue: '蓝色', navy: '藏青色', darkblue: '深蓝色', lightblue: '浅蓝色',
  skyblue: '天蓝色', green: '绿色', darkgreen: '墨绿色', army: '军绿色', armygreen: '军绿色', mint: '薄荷绿',
  yellow: '黄色', pink: '粉色', purple: '紫色', grey: '灰色', gray: '灰色', darkgrey: '深灰色', darkgray: '深灰色',
  lightgrey: '浅灰色', lightgray: '浅灰色', brown: '棕色', coffee: '咖啡色', camel: '驼色', beige: '米色',
  cream: '米白色', offwhite: '米白色', ivory: '象牙白', khaki: '卡其色', orange: '橙色', apricot: '杏色',
  wine: '酒红色', winered: '酒红色', burgundy: '酒红色', rose: '玫红色', gold: '金色', silver: '银色',
  caramel: '焦糖色', denim: '牛仔蓝', multicolor: '花色', floral: '碎花', transparent: '透明', nude: '裸色',
  champagne: '香槟色', lavender: '浅紫色', olive: '橄榄绿', cyan: '青色', 'rose-gold': '玫瑰金', rosegold: '玫瑰金',
};

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
