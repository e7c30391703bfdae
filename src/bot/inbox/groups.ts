/** Inbox items in groups as trainers see them: biggest first, with the wording seen most and what the bot said. */
import { clusterTexts, type Background } from './group.js';
import type { InboxItem, InboxReason } from './types.js';

/** A group of similar inbox items. */
export interface InboxGroup {
  /** Id of the group's oldest item (groups are recomputed on each view; actions name item ids). */
  id: string;
  /** The wording seen most often. */
  label: string;
  size: number;
  /** Newest first. */
  items: InboxItem[];
  reasons: Partial<Record<InboxReason, number>>;
  /** What the bot answered these with, most frequent first. */
  answeredAs: { intent: string; count: number }[];
  firstAt: number;
  lastAt: number;
}

function counts(values: string[]): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

/** Describes one group of items (oldest first in `members`). */
function describe(members: InboxItem[]): InboxGroup {
  const reasons: InboxGroup['reasons'] = {};
  for (const r of members.flatMap((m) => m.reasons)) reasons[r] = (reasons[r] ?? 0) + 1;
  return {
    id: members[0]!.id,
    label: counts(members.map((m) => m.text))[0]!.key,
    size: members.length,
    items: [...members].reverse(),
    reasons,
    answeredAs: counts(members.map((m) => m.intent)).map(({ key, count }) => ({ intent: key, count })),
    firstAt: members[0]!.at,
    lastAt: members.at(-1)!.at,
  };
}

/** Groups items by their normalised text; exact repeats always share a group. */
export async function groupItems(
  items: InboxItem[], featuresOf: (norm: string) => string[], background: Background, threshold?: number,
): Promise<InboxGroup[]> {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const texts = [...new Set(sorted.map((i) => i.norm))];
  const clusters = await clusterTexts(texts, featuresOf, background, threshold);
  const groupOf = new Map<string, number>();
  clusters.forEach((members, g) => { for (const t of members) groupOf.set(texts[t]!, g); });
  const byGroup: InboxItem[][] = clusters.map(() => []);
  for (const item of sorted) byGroup[groupOf.get(item.norm)!]!.push(item);
  return byGroup.map(describe).sort((a, b) => b.size - a.size || b.lastAt - a.lastAt);
}
