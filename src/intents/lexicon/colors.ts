/** Colour names buyers use, by canonical colour id. The first Chinese name is the label shown to reps and buyers. */
export interface ColorDef {
  /** Canonical id used as Entity.value (black, navy …). */
  id: string;
  /** Chinese names, label first. */
  zh: readonly string[];
  /** English names, lower-case. */
  en: readonly string[];
}

/** The palette. Single characters (黑, 白) are not listed: alone they are too often something else (明白, 红包). */
export const COLORS: readonly ColorDef[] = [
  { id: 'black', zh: ['黑色', '纯黑', '纯黑色'], en: ['black'] },
  { id: 'white', zh: ['白色', '纯白', '纯白色', '本白'], en: ['white'] },
  { id: 'offwhite', zh: ['米白色', '米白', '奶白', '奶白色', '象牙白', '乳白', '乳白色'], en: ['off white', 'offwhite', 'ivory', 'cream'] },
  { id: 'beige', zh: ['米色', '米黄', '米黄色'], en: ['beige'] },
  { id: 'grey', zh: ['灰色', '中灰'], en: ['grey', 'gray'] },
  { id: 'lightgrey', zh: ['浅灰色', '浅灰', '烟灰', '烟灰色'], en: ['light grey', 'light gray'] },
  { id: 'darkgrey', zh: ['深灰色', '深灰', '炭灰'], en: ['dark grey', 'dark gray', 'charcoal'] },
  { id: 'navy', zh: ['藏青色', '藏青', '藏蓝', '藏蓝色', '深蓝', '深蓝色', '海军蓝'], en: ['navy', 'navy blue', 'dark blue'] },
  { id: 'blue', zh: ['蓝色', '宝蓝', '宝蓝色'], en: ['blue', 'royal blue'] },
  { id: 'lightblue', zh: ['浅蓝色', '浅蓝', '天蓝', '天蓝色', '雾霾蓝', '淡蓝', '淡蓝色'], en: ['light blue', 'sky blue', 'baby blue'] },
  { id: 'red', zh: ['红色', '大红', '大红色', '正红'], en: ['red'] },
  { id: 'wine', zh: ['酒红色', '酒红', '枣红', '枣红色'], en: ['wine', 'wine red', 'burgundy', 'maroon'] },
  { id: 'pink', zh: ['粉色', '粉红', '粉红色', '浅粉', '浅粉色'], en: ['pink'] },
  { id: 'rose', zh: ['玫红色', '玫红', '玫瑰红'], en: ['rose', 'rose red', 'magenta'] },
  { id: 'purple', zh: ['紫色', '浅紫', '香芋紫'], en: ['purple', 'lilac', 'lavender'] },
  { id: 'yellow', zh: ['黄色', '鹅黄', '姜黄', '姜黄色', '柠檬黄'], en: ['yellow', 'mustard'] },
  { id: 'orange', zh: ['橙色', '橘色', '橘红'], en: ['orange'] },
  { id: 'khaki', zh: ['卡其色', '卡其'], en: ['khaki'] },
  { id: 'apricot', zh: ['杏色'], en: ['apricot'] },
  { id: 'camel', zh: ['驼色'], en: ['camel'] },
  { id: 'brown', zh: ['棕色', '咖色', '咖啡色', '焦糖色', '焦糖'], en: ['brown', 'coffee', 'chocolate', 'caramel'] },
  { id: 'green', zh: ['绿色', '墨绿', '墨绿色'], en: ['green', 'dark green'] },
  { id: 'armygreen', zh: ['军绿色', '军绿', '橄榄绿'], en: ['army green', 'olive'] },
  { id: 'mint', zh: ['薄荷绿', '浅绿', '浅绿色', '牛油果绿'], en: ['mint', 'light green'] },
  { id: 'silver', zh: ['银色'], en: ['silver'] },
  { id: 'gold', zh: ['金色', '香槟色', '香槟金'], en: ['gold', 'champagne'] },
];

/**
 * Single-character colours, recognised only as "<verb or measure word> X的" (要黑的, 有白的吗, 换个红的) so that
 * 明白的 and 网红的 stay what they are.
 */
export const SHORT_COLORS: Readonly<Record<string, string>> = {
  黑: 'black', 白: 'white', 灰: 'grey', 红: 'red', 蓝: 'blue', 绿: 'green', 粉: 'pink', 紫: 'purple', 黄: 'yellow',
};

/** Chinese label of a colour id (for replies and rep notes); the id itself when unknown. */
export function colorLabel(id: string): string {
  return COLORS.find((c) => c.id === id)?.zh[0] ?? id;
}
