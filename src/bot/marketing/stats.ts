/** Figures for the operations page: buyers tagged per day (the chart) and the week's top pain points. */
import { dayKeyOf, dayNumber } from './days.js';
import type { Ledger } from './ledger.js';

/** Buyers who got each tag per day, over the last `days` days (oldest first). */
export interface TagSeries {
  days: string[];
  series: Array<{ tag: string; counts: number[]; total: number }>;
}

/** The last `days` store days up to and including today. */
export function lastDays(now: number, days: number): string[] {
  const today = dayNumber(now);
  return Array.from({ length: days }, (_, i) => dayKeyOf(today - days + 1 + i));
}

/** Tag counts per day for the `top` tags of the window (or exactly `tags`, when given). */
export function tagCounts(ledger: Ledger, opts: { now: number; days: number; top: number; tags?: string[] }): TagSeries {
  const days = lastDays(opts.now, opts.days);
  const perTag = new Map<string, number[]>();
  days.forEach((day, i) => {
    for (const [tag, buyers] of ledger.tagDays.get(day) ?? []) {
      if (opts.tags && !opts.tags.includes(tag)) continue;
      let counts = perTag.get(tag);
      if (!counts) perTag.set(tag, (counts = new Array<number>(days.length).fill(0)));
      counts[i] = buyers.size;
    }
  });
  const series = [...perTag].map(([tag, counts]) => ({ tag, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag));
  return { days, series: opts.tags ? series : series.slice(0, opts.top) };
}

/** A pain point and how many chats had it. */
export interface PainCount { label: string; chats: number }

/** The most frequent pain points over the last `days` days, counted once per chat. */
export function topPainPoints(ledger: Ledger, opts: { now: number; days: number; top: number }): PainCount[] {
  const chats = new Map<string, Set<string>>();
  for (const day of lastDays(opts.now, opts.days)) {
    for (const [label, sessions] of ledger.painDays.get(day) ?? []) {
      let all = chats.get(label);
      if (!all) chats.set(label, (all = new Set()));
      for (const s of sessions) all.add(s);
    }
  }
  return [...chats].map(([label, s]) => ({ label, chats: s.size }))
    .sort((a, b) => b.chats - a.chats || a.label.localeCompare(b.label))
    .slice(0, opts.top);
}
