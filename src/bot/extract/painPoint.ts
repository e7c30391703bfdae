/** What hurts, in a few words, and the scene (送礼：朋友刚生宝宝, 自穿), for the rep's note. */
import type { Entity, IntentId, Normalised } from '../../intents/types.js';
import type { PainPoint, TagHit } from '../types.js';
import { compileKeywords, type KeywordSet } from './lexicon/keywords.js';
import { INTENT_PAIN, INTENT_WORDS, PRE_SALE_INTENTS, STRONG_PAIN, WEAK_PAIN, type PainWords } from './lexicon/pain.js';

interface CompiledGroup { label: string; afterSale: boolean; yieldsTo: IntentId[]; words: KeywordSet }

const compileGroups = (groups: PainWords[]): CompiledGroup[] =>
  groups.map((g) => ({
    label: g.label, afterSale: g.afterSale ?? false, yieldsTo: g.yieldsTo ?? [], words: compileKeywords(g.words),
  }));

const STRONG = compileGroups(STRONG_PAIN);
const WEAK = compileGroups(WEAK_PAIN);
const BY_INTENT = new Map(Object.entries(INTENT_WORDS).map(([intent, groups]) => [intent, compileGroups(groups)]));
const NEWBORN = compileKeywords(['刚生', '刚出生', '新生儿', '满月', '百天', '坐月子', 'newborn', 'just had a baby']);
/** Tags that say the buyer is choosing for their own body: then the scene is 自穿 rather than 自用. */
const WEARS = /^(?:身高|体重|脚长|平时穿|鞋码|女装|男装|鞋类|童装)/;

function firstGroup(groups: CompiledGroup[], text: string, intents: IntentId[], afterSale: boolean): string | null {
  for (const g of groups) {
    if (!afterSale && g.afterSale) continue;
    if (g.yieldsTo.some((i) => intents.includes(i))) continue;
    if (g.words.first(text)) return g.label;
  }
  return null;
}

/** The most severe intent seen, with its pain label (INTENT_PAIN is ordered by severity). */
function worstIntent(intents: IntentId[]): [IntentId, string] | null {
  return INTENT_PAIN.find(([intent]) => intents.includes(intent)) ?? null;
}

function painLabel(intents: IntentId[], norm: Normalised, entities: Entity[], afterSale: boolean): string | null {
  const strong = firstGroup(STRONG, norm.text, intents, afterSale);
  if (strong) return strong;
  const worst = worstIntent(intents);
  const finer = worst ? firstGroup(BY_INTENT.get(worst[0]) ?? [], norm.text, intents, true) : null;
  if (finer) return finer;
  // Exchanging for a size the buyer names is a size problem, not a generic return.
  if (worst?.[0] === 'return_exchange' && entities.some((e) => e.kind === 'size' || e.kind === 'shoeSize')) return '尺码不合适';
  return firstGroup(WEAK, norm.text, intents, afterSale) ?? worst?.[1] ?? null;
}

/** The scene from the tags: a gift (and for whom, in what life stage), or for the buyer's own use. */
export function sceneOf(tags: TagHit[], intents: IntentId[], norm: Normalised): string | undefined {
  const names = tags.map((t) => t.tag);
  const has = (t: string): boolean => names.includes(t);
  const recipient = names.find((t) => t.startsWith('送') && t !== '送礼')?.slice(1);
  const baby = NEWBORN.first(norm.text) ? '刚生宝宝' : '宝宝';
  const stage = has('孕妇') ? '怀孕' : has('母婴') ? baby : has('学生') ? '学生' : '';
  if (has('送礼')) {
    const who = recipient && stage && recipient !== '孩子' ? `${recipient}${stage}` : recipient ?? (stage || undefined);
    return who ? `送礼：${who}` : '送礼';
  }
  if (has('自用')) return names.some((t) => WEARS.test(t)) || intents.includes('size') ? '自穿' : '自用';
  if (has('孕妇')) return '孕期';
  if (has('宝妈')) return '宝妈';
  if (has('母婴')) return '母婴';
  if (has('学生')) return '学生';
  return undefined;
}

/** What hurts (尺码不合适, 色差, 发货慢, 包裹破损 …) and the scene; null when nothing hurts (a plain greeting). */
export function findPainPoint({ intents, norm, entities, tags }: {
  intents: IntentId[]; norm: Normalised; entities: Entity[]; tags: TagHit[];
}): PainPoint | null {
  const afterSale = !intents.some((i) => PRE_SALE_INTENTS.has(i)) || intents.some((i) => !PRE_SALE_INTENTS.has(i) && i !== 'greeting' && i !== 'farewell');
  const label = painLabel(intents, norm, entities, afterSale);
  const scene = sceneOf(tags, intents, norm);
  if (!label && !scene) return null;
  // A scene with no question yet (我女朋友生日快到了) is a buyer who wants help choosing.
  const point: PainPoint = { label: label ?? '选购建议' };
  if (scene) point.scene = scene;
  return point;
}
