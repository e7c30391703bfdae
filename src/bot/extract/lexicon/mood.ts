/** The mood lexicon: weighted words and emoji for angry, upset and happy buyers (zh after simplification, en). */

export type Feeling = 'anger' | 'upset' | 'happy';

/** One lexicon entry. `fixed` entries keep their weight after a negation (不退钱 is still angry). */
export interface MoodWord {
  word: string;
  feeling: Feeling;
  weight: number;
  fixed?: boolean;
}

const anger = (weight: number, words: string[], fixed = false): MoodWord[] =>
  words.map((word) => ({ word, feeling: 'anger' as const, weight, fixed }));
const upset = (weight: number, words: string[]): MoodWord[] =>
  words.map((word) => ({ word, feeling: 'upset' as const, weight }));
const happy = (weight: number, words: string[]): MoodWord[] =>
  words.map((word) => ({ word, feeling: 'happy' as const, weight }));

/** Weights: 2 or more alone makes a buyer angry; intensifiers multiply by 1.5. */
export const MOOD_WORDS: MoodWord[] = [
  ...anger(3, ['气死', '骗子', '骗人', '欺骗', '黑店', '奸商', '举报', '12315', '消协', '起诉', '忍无可忍', '不要脸',
    '他妈的', '卧槽', '傻逼', '脑残', '滚蛋', '滚吧', 'tmd', 'scam', 'scammer', 'fraud', 'liar', 'furious',
    'bullshit', 'fuck', 'fucking', 'report you', 'report your', 'sue you']),
  ...anger(3, ['气炸', '骗钱', '诈骗', '黑心', '报警', '检举', '消基会', '虚假宣传', '告你们', '挂羊头', '死了吗',
    '店大欺客', '别开店', '还开什么店', '花儿都谢了', '嬲', '呃人', '呃钱', '消委会', 'false advertising',
    'consumer protection', 'fed up', 'reporting you', 'im reporting']),
  ...anger(3, ['再不*就', '不给*就投诉', '不退*就'], true),
  ...anger(2.5, ['垃圾', '什么破', '坑人', '坑爹', '投诉', '找平台', '平台介入', '小二介入', '申请介入', '维权', '曝光',
    '工商局', '缺德', '火大', '耍我', '有病', '慢死了', 'worst', 'wtf', 'unacceptable', 'rip off', 'ripoff',
    'garbage', 'shit', 'pissed', 'dispute', 'chargeback', 'cheated', 'never again']),
  ...anger(2.5, ['开纠纷', '纠纷', '一星', '负评', '客诉', '避雷', '淘宝小二', '再也不会买', '不会再买', '再也不买',
    '坑惨', '说话不算数', '说话不算话', '这样做生意', '差死了', '太烂', '有冇搞错', 'po网', '淘宝介入', '已经介入', 'complain', 'complaint',
    'negative feedback', 'fake store', 'fake stuff', 'sold me fake', 'fake product', 'never buying', 'cheating',
    'reporting', 'on social media', 'to the platform', 'platform about']),
  ...anger(2, ['骂人', '拉黑', '糊弄', '甩锅', '推卸', '推来推去', '不负责任', '没诚信', '一点诚信', '阴阳怪气', '丢人',
    '个说法', '个交代', '骚扰', '等着吧', '什么态度', '什么服务', '爱答不理', '好差', '这么差', '特别差', '非常差', '极差',
    '凶我', '很凶', '好凶', '追评', '难听', '已读不回', '几个意思', '你们真行', '摆设', '良心', '超差', '推责任', '推嚟推去',
    '这样对待', '脾气好大', '摔我', '搞咩', 'rude', 'unprofessional', 'ignoring me', 'this is a joke', 'shouted',
    'hung up', 'passing the buck', 'badly treated', 'treated badly']),
  ...anger(1.5, ['有意思吗', '说不通', '费劲', '没下文', '还没解决', '不理人', '没人理', '没人回', '都不回',
    '不回我', '答非所问', '工号', '效率太低', '太冲', '要半天', '不满', '不接受', '不能接受', '不客气', '事多', '套话', '这待遇',
    '这么对', '没个结果', '说不清', '冇人覆', '烂', 'no reply', 'nobody replies', 'no one answering', 'no one replies',
    'excuses', 'copy paste', 'takes responsibility', 'compensation']),
  ...anger(2, ['差评', '生气', '恶心', '忽悠', '差劲', '太差', '真差', '过分', '欺负', '态度差', '态度恶劣', '态度很差',
    '踢皮球', '搞什么鬼', '什么玩意', '无法接受', '受够了', '律师', 'terrible', 'angry', 'ridiculous', 'useless',
    'rubbish', 'crap', 'horrible', 'awful', 'bad review', 'negative review', 'one star', '1 star', 'annoyed',
    'disgusting', 'pathetic']),
  ...anger(2, ['退钱'], true),
  // Phrases holding a mood word but no mood: the longer phrase wins the match and weighs nothing (只退钱 asks for a refund).
  ...upset(0, ['只退钱', '退钱吗', '退钱行吗', '退钱可以吗', '怎么退钱']),
  ...anger(1.5, ['无语', '很差', '离谱', '敷衍', '什么鬼', '搞什么', '受不了', '服了', '醉了', '坑', '烦死',
    'damn', 'seriously']),
  ...anger(1, ['怎么回事', '太慢', '好几次', '还不发', '还没发', '催了', '几次了', '多少天了', 'still not', 'still no']),
  ...upset(1.5, ['失望', '难过', '伤心', '哭了', '崩溃', '不满意', '不开心', '委屈', '糟心', '闹心', '心塞', '郁闷',
    'disappointed', 'disappointing', 'sad', 'upset', 'unhappy', 'frustrated', 'frustrating']),
  ...upset(1, ['心疼', '后悔', '遗憾', '唉', '好烦', '伤不起', 'worried', 'unfortunately', 'sigh']),
  ...anger(0.7, ['到底', '什么意思']),
  ...upset(0.6, ['怎么办']),
  ...happy(1.5, ['太好了', '好评', '开心', '完美', '爱了', '给力', '么么哒', '超赞', '五星', 'awesome', 'perfect',
    'excellent', 'amazing', 'happy', 'love it', 'five star', '5 star']),
  ...happy(1.2, ['not bad', '满意', '棒', '赞', '辛苦了', '贴心', '很好', 'great', 'wonderful']),
  ...happy(1, ['谢谢', '感谢', '多谢', '不错', '哈哈', '嘻嘻', '喜欢', '漂亮', 'thanks', 'thank you', 'thx', 'nice',
    'cool', 'lovely', 'love', 'beautiful']),
  ...happy(0.5, ['好看', '不差', '还行', '还可以', 'good', 'ok']),
];

/** Words that threaten a bad review, a report or a dispute: the decide stage hands these to a person. */
export const THREAT_WORDS: string[] = ['差评', '中评', '投诉', '举报', '12315', '找平台', '平台介入', '小二介入', '找小二',
  '申请介入', '客服介入', '淘宝介入', '已经介入', '纠纷', '客诉', '负评', '一星', '检举', '消基会', '消委会', '报警', '告你们', '避雷', '消协', '工商局', '工商部门', '市场监管', '维权', '曝光', 'dispute', 'bad review',
  'negative review', 'one star', '1 star', 'chargeback', 'complain to', 'report you', 'report your', 'report this',
  'report it', 'report to', 'will report', 'gonna report', 'reported', 'reporting', 'complain', 'complaint',
  'negative feedback', 'consumer protection', 'on social media', 'to the platform', 'platform about'];

/** Emoji weights; the normaliser lists emoji apart from the text. Variation selectors are stripped first. */
export const MOOD_EMOJI: Record<string, { feeling: Feeling; weight: number }> = Object.fromEntries([
  ...[...'😡🤬😤👿💢😠🖕'].map((e) => [e, { feeling: 'anger', weight: 2 }] as const),
  ...[...'😢😭😞😔☹🙁😣😩😫😿💔😟😥😓'].map((e) => [e, { feeling: 'upset', weight: 1.5 }] as const),
  ...[...'😊👍😄😁🙂😀❤🥰😍🙏😘🌹👏💯🎉😆🤗😃✨💕'].map((e) => [e, { feeling: 'happy', weight: 1 }] as const),
]);

/** A negation just before a word turns it off (没生气, 不会给差评), allowing one filler word in between. */
export const NEGATION_ZH = /(?:不|没|没有|别|并不|不是|不会|不要|不想|不用|不再|从不|绝不|从来不|不太|未)(?:给|打|写|会|是|太|很|那么|怎么|再|用|去|想|要|算|会给|用给)?(?:你们|你|您)?$/;

/** A-not-A questions (是不是, 有没有, 会不会) ask; they do not negate: 你们是不是欺负我. */
export const A_NOT_A = /(\p{Script=Han})[不没]\1$/u;

/** English negators among the three words before a word (not angry, won't leave a bad review, no scam). */
export const NEGATION_EN = new Set(['not', 'no', 'never', 'dont', 'isnt', 'wasnt', 'didnt', 'wont', 'cant', 'doesnt',
  'arent', 't', 'nt', 'without', 'hardly']);

/** An intensifier just before a word multiplies its weight (太生气, 真的无语, so angry). */
export const INTENSIFIER = /(?:太|非常|超级|超|真的|真是|真|特别|好|巨|极其|十分|很|实在|简直|相当|so|very|really|extremely|super|totally|absolutely|fucking) ?$/;

/** Weight multiplier for an intensified word. */
export const INTENSIFIER_FACTOR = 1.5;
