/**
 * Text-layer bench: `npx tsx bench/text.ts`. Prints
 *  1. module load times,
 *  2. the segmenter comparison (accuracy on store sentences with a gold cut, speed),
 *  3. traditional→simplified: our character table against opencc-js's phrase converter,
 *  4. median and p99 per stage (normalise, segment, extract) over a few thousand realistic messages.
 * Figures are wall-clock on whatever machine runs it; nothing here asserts a speed.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

// ---- cases ----
// Gold cuts: dev sentences were written with the vocabulary; held-out ones after it was frozen, never tuned on.
const DEV = `
可以/开/发票/吗
支持/七天无理由/退货/吗
有/运费险/吗
我/想/申请/仅退款
顺丰/包邮/吗
亲/在/吗
什么时候/发货
今天/下单/今天/能/发/吗
发/什么/快递
能/开/专票/吗
我/170/60/穿/什么/码
身高/165/体重/110/斤/选/哪个/尺码
这件/衣服/有/黑色/的/吗
有没有/白色
实物/有/色差/吗
快递/到/哪/了
物流/三天/没/动/了
收到/的/衣服/破/了/一个/洞
发错/货/了
少发/了/一件
质量/太/差/了
洗/了/一次/就/掉色/了
我/要/退货退款
怎么/换货
退款/什么时候/到账
帮/我/取消/订单/吧
地址/写错/了/可以/改/吗
有/优惠券/吗
有/满减/活动/吗
能/便宜/点/吗
现在/有货/吗
什么时候/补货
可以/用/花呗/吗
我/要/投诉
再/这样/我/给/差评/了
转/人工客服
会员/有/什么/优惠
保修/多久
有/什么/推荐/的/吗
适合/送/女朋友/吗
这个/面料/起球/吗
夏天/穿/热/不/热
偏大/还是/偏小
平时/穿/m/码
鞋子/偏码/吗
脚长/25/厘米/穿/多大/的
有/大码/吗
是/纯棉/的/吗
下单/后/多久/发货
偏远地区/包邮/吗
新疆/发/吗
拍下/可以/改价/吗
怎么/申请/售后
退货/运费/谁/出
可以/到付/吗
已经/签收/了/但是/没/收到
包装/压坏/了
双十一/有/活动/吗
能/保价/吗
为什么/还/不/发货
`;

const HELD_OUT = `
你们/家/的/衣服/会/缩水/吗
我/买/的/裤子/太/长/了/能/换/短/一点/的/吗
快递/一直/不/更新/怎么回事
这款/有/现货/吗
发票/抬头/写/公司/名字
宝贝/收到/了/但是/颜色/不/对
衣服/上/有/一块/污渍
能不能/先/发货/后/付款
我/拍/了/两件/能/合并/发货/吗
退回/的/运费/你们/承担/吗
申请/退款/三天/了/还/没/处理
客服/怎么/不/回复/消息
尺码/标准/吗
胸围/90/穿/什么/码
这个/颜色/显/黑/吗
物流/显示/签收/了/我/没/收到
鞋底/开胶/了
能/送/个/小/礼物/吗
我/是/老客户/有/优惠/吗
双十二/什么时候/开始
这条/裙子/有/内衬/吗
天猫/积分/怎么/用
收到/货/有/股/味道
质保期/是/多久
我/想/改/一下/收货地址
支付宝/付款/失败/了
直接/拍/就/可以/吗
买/两件/打折/吗
麻烦/帮/我/催/一下/快递
这个/是/正品/吗
宝宝/一岁/穿/多大/的
什么/材质/的
可以/货到付款/吗
我/要/退/这个/订单
有/赠品/吗
运费/怎么/算
你们/发/的/是/什么/快递
破损/了/怎么/赔
链接/里/没有/我/要/的/颜色
亲/发货/了/吗
`;

/** Hand-written Taiwan/Hong Kong buyer lines | the simplified text they must become. */
const TRADITIONAL = `
請問什麼時候發貨 | 请问什么时候发货
這件衣服有黑色的嗎 | 这件衣服有黑色的吗
可以開發票嗎 | 可以开发票吗
運費險怎麼用 | 运费险怎么用
我要退貨退款 | 我要退货退款
寄到香港要幾天 | 寄到香港要几天
尺碼偏大還是偏小 | 尺码偏大还是偏小
頭髮會卡在拉鍊裡嗎 | 头发会卡在拉链里吗
請幫我取消訂單 | 请帮我取消订单
衣服洗了會縮水嗎 | 衣服洗了会缩水吗
有沒有優惠券 | 有没有优惠券
收到的商品有瑕疵 | 收到的商品有瑕疵
穿著很舒服 | 穿着很舒服
這個顏色會不會太暗 | 这个颜色会不会太暗
可以用信用卡付款嗎 | 可以用信用卡付款吗
呢件衫有冇細碼 | 呢件衫有冇细码
幾時可以寄出 | 几时可以寄出
我想換大一碼 | 我想换大一码
乾洗還是水洗 | 干洗还是水洗
客服在嗎 | 客服在吗
這雙鞋子合腳嗎 | 这双鞋子合脚吗
這是著名品牌嗎 | 这是著名品牌吗
裡面有內襯嗎 | 里面有内衬吗
台灣可以寄嗎 | 台湾可以寄吗
衹剩一件了嗎 | 只剩一件了吗
發票抬頭寫公司名 | 发票抬头写公司名
後天能到嗎 | 后天能到吗
麵料會起球嗎 | 面料会起球吗
`.trim().split('\n');

/** English, emoji and entity-heavy messages, so the stage timings see more than clean Chinese. */
const REALISTIC_EXTRA = [
  'Hi, do you ship to Hong Kong?',
  "What size should I get? I'm 5'7\" and 140 lbs",
  'Is this true to size?',
  'Can I return it if it does not fit?',
  'When will my order arrive?',
  'do you have it in navy blue',
  'I want a refund, the item is broken',
  'is there any discount',
  'hello',
  'thanks!',
  '身高175体重70kg穿什么码',
  '一米六 九十斤 穿S还是M',
  '脚长25.5cm穿多大的鞋',
  '订单号3012345678901234 什么时候发货',
  '电话13812345678 收件人张三',
  '我要黑色XL两件',
  '满199减20吗 能便宜10块吗',
  '发顺丰要加多少钱',
  '有没有米白色的 M码',
  '宝宝一岁 身高80cm 穿什么码',
  '👍👍',
  '😡😡😡 什么破质量',
  '好好好好好',
  '???',
];

const t0 = performance.now();
const { normalise, toSimplified } = await import('../src/intents/normalise.js');
const t1 = performance.now();
const { segment, buildJieba } = await import('../src/intents/segment.js');
const t2 = performance.now();
const { extractEntities } = await import('../src/intents/entities.js');
const t3 = performance.now();
const { STORE_TERMS, CHAT_WORDS } = await import('../src/intents/lexicon/vocabulary.js');
const { T2S_CHARS } = await import('../src/intents/lexicon/traditional.js');
const { Jieba } = await import('@node-rs/jieba');
const { dict } = await import('@node-rs/jieba/dict.js');
const OpenCC = (await import('opencc-js')).default;
console.log(`load: normalise ${ms(t1 - t0)} (opencc tables), segment ${ms(t2 - t1)} (jieba dictionary), entities ${ms(t3 - t2)}`);

function ms(v: number): string { return `${v.toFixed(0)} ms`; }
function us(ns: number): string { return `${(ns / 1000).toFixed(2)} µs`; }

/** Median and p99 of one function over inputs, in ns per call (after a warm-up pass). */
function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown, rounds = 5): { median: number; p99: number } {
  for (const x of inputs) fn(x);
  const ns: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const x of inputs) {
      const s = process.hrtime.bigint();
      fn(x);
      ns.push(Number(process.hrtime.bigint() - s));
    }
  }
  ns.sort((a, b) => a - b);
  return { median: ns[Math.floor(ns.length / 2)] ?? 0, p99: ns[Math.floor(ns.length * 0.99)] ?? 0 };
}

// ---- 2. segmenters ----
type Cut = (text: string) => string[];
const gold = (block: string): string[][] => block.trim().split('\n').map((l) => l.trim().split('/'));
/** The sentence a buyer would type for a gold cut: tokens joined, a space only between two numbers. */
const sentence = (g: string[]): string => g.reduce((a, t) => a + (/[\d]$/.test(a) && /^\d/.test(t) ? ' ' : '') + t, '');

const vocab = new Set([...STORE_TERMS, ...CHAT_WORDS]);
const maxLen = Math.max(...[...vocab].map((w) => w.length));
function forwardMM(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length;) {
    let n = Math.min(maxLen, s.length - i);
    while (n > 1 && !vocab.has(s.slice(i, i + n))) n -= 1;
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out;
}
function backwardMM(s: string): string[] {
  const out: string[] = [];
  for (let j = s.length; j > 0;) {
    let n = Math.min(maxLen, j);
    while (n > 1 && !vocab.has(s.slice(j - n, j))) n -= 1;
    out.unshift(s.slice(j - n, j));
    j -= n;
  }
  return out;
}
function bidirectionalMM(s: string): string[] {
  const f = forwardMM(s);
  const b = backwardMM(s);
  if (f.length !== b.length) return f.length < b.length ? f : b;
  const singles = (x: string[]): number => x.filter((t) => t.length === 1).length;
  return singles(f) < singles(b) ? f : b;
}
/** Same handling of numbers and Latin for every candidate; only the Chinese runs differ. */
const onHanRuns = (cut: Cut): Cut => (text) =>
  (text.match(/\p{Script=Han}+|[a-z]+|\d+(?:\.\d+)?/gu) ?? []).flatMap((r) => (/\p{Script=Han}/u.test(r) ? cut(r) : [r]));

const require = createRequire(import.meta.url);
const { Segment, useDefault } = require('segmentit') as {
  Segment: new () => unknown;
  useDefault: (s: unknown) => { doSegment(t: string, o: { simple: true }): string[] };
};
const segmentit = useDefault(new Segment());
const jiebaPlain = Jieba.withDict(dict);
const jiebaOurs = buildJieba();
const words = (a: string[]): string[] => a.filter((w) => w.trim() !== '');

const candidates: [string, Cut][] = [
  ['jieba + our vocabulary, no HMM (chosen)', segment],
  ['jieba + our vocabulary, HMM', onHanRuns((s) => words(jiebaOurs.cut(s, true)))],
  ['jieba, own dictionary, HMM', onHanRuns((s) => words(jiebaPlain.cut(s, true)))],
  ['segmentit (pangu dictionaries)', onHanRuns((s) => words(segmentit.doSegment(s, { simple: true })))],
  ['forward maximum match, our words', onHanRuns(forwardMM)],
  ['backward maximum match, our words', onHanRuns(backwardMM)],
  ['bidirectional maximum match', onHanRuns(bidirectionalMM)],
];

function score(cut: Cut, set: string[][]): string {
  let exact = 0;
  let hit = 0;
  let predicted = 0;
  let expected = 0;
  for (const g of set) {
    const p = cut(normalise(sentence(g)).text);
    if (p.join('/') === g.join('/')) exact += 1;
    const spans = (toks: string[]): Set<string> => {
      let at = 0;
      return new Set(toks.map((t) => `${at}:${(at += t.length)}`));
    };
    const ps = spans(p);
    const gs = spans(g);
    for (const s of ps) if (gs.has(s)) hit += 1;
    predicted += ps.size;
    expected += gs.size;
  }
  const f1 = (2 * hit) / (predicted + expected);
  return `${String(exact).padStart(2)}/${set.length} ${f1.toFixed(3)}`;
}

const dev = gold(DEV);
const held = gold(HELD_OUT);
const allNorm = [...dev, ...held].map((g) => normalise(sentence(g)).text);
console.log('\nsegmenter                                 dev (exact, F1)  held-out        median/sentence');
for (const [name, cut] of candidates) {
  const t = timeEach(allNorm, cut, 20);
  console.log(`${name.padEnd(42)}${score(cut, dev).padEnd(17)}${score(cut, held).padEnd(16)}${us(t.median)}`);
}
const chosen = candidates[0]?.[1] ?? segment;
for (const g of [...dev, ...held]) {
  const p = chosen(normalise(sentence(g)).text).join('/');
  if (p !== g.join('/')) console.log(`  miss: ${p}   (gold ${g.join('/')})`);
}

// ---- 3. traditional → simplified ----
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const simplified = [...dev, ...held].map((g) => sentence(g));
const tradClass = new RegExp(`[${[...T2S_CHARS.keys()].join('')}]`, 'gu');
const byChar = (s: string): string => s.replace(tradClass, (c) => T2S_CHARS.get(c) ?? c);
const roundTrip = simplified.map((s) => [toTw(s), s] as const);
const handWritten = TRADITIONAL.map((l) => l.split(' | ') as [string, string]);
console.log('\ntraditional→simplified                 round trip (cn→tw→cn)   hand-written TW/HK   median/sentence');
const converters = [
  ['character table from OpenCC data', byChar], ['opencc-js tw→cn', fromTw], ['opencc-js hk→cn', fromHk],
  ['opencc-js tw+hk variants→cn (chosen)', toSimplified],
] as const;
for (const [name, conv] of converters) {
  const ok = (pairs: readonly (readonly [string, string])[]): string =>
    `${pairs.filter(([t, s]) => conv(t) === s).length}/${pairs.length}`;
  const t = timeEach(roundTrip.map(([t]) => t), conv, 20);
  console.log(`${name.padEnd(39)}${ok(roundTrip).padEnd(24)}${ok(handWritten).padEnd(21)}${us(t.median)}`);
  for (const [t, s] of [...roundTrip, ...handWritten]) if (conv(t) !== s) console.log(`  miss: ${t} → ${conv(t)} (want ${s})`);
}

// ---- 4. stages over realistic messages ----
const PREFIX = ['', '亲 ', '你好，', '在吗？', '親，', '老板 '];
const SUFFIX = ['', '？', '😊', ' 谢谢', '！！', ' 170/60', ' 订单号123456789012345678', '～～'];
let seed = 7;
const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
const bases = [...simplified, ...REALISTIC_EXTRA];
const messages = Array.from({ length: 4000 }, (_, i) => {
  const base = bases[i % bases.length] ?? '';
  const body = i % 7 === 0 ? toTw(base) : base;
  return `${PREFIX[rand(PREFIX.length)]}${body}${SUFFIX[rand(SUFFIX.length)]}`;
});
const norms = messages.map((m) => normalise(m).text);
const avgLen = messages.reduce((a, m) => a + m.length, 0) / messages.length;
console.log(`\nstages over ${messages.length} messages (mean ${avgLen.toFixed(1)} chars; 1 in 7 traditional)   median     p99`);
const report = (name: string, t: { median: number; p99: number }): void =>
  console.log(`${name.padEnd(70)}${us(t.median).padEnd(11)}${us(t.p99)}`);
report('normalise', timeEach(messages, normalise));
report('segment', timeEach(norms, segment));
report('extractEntities', timeEach(norms, extractEntities));
const allThree = (m: string): unknown => {
  const n = normalise(m);
  return [segment(n.text), extractEntities(n.text)];
};
report('all three', timeEach(messages, allThree));
const twenty = messages.filter((m) => m.length >= 15 && m.length <= 25);
report(`all three, the ${twenty.length} messages of 15–25 chars`, timeEach(twenty, allThree));
