/** Size advice from a product's size chart: by height and weight for clothes, by foot length for shoes. */
import type { Product, SizeChartRow } from './schema.js';

/** Why a size was chosen; the reply template turns this into words. */
export interface SizeAdvice {
  size: string;
  /** Row the height falls in (clothes). */
  byHeight?: string;
  /** Row the weight falls in (clothes). */
  byWeight?: string;
  /** Row the foot length falls in, before the fit correction (shoes). */
  byFoot?: string;
  /** The measurement lies outside the chart; the nearest end was taken. */
  outOfChart: boolean;
  /** The product's fit moved the pick by this many rows (+1 runs small, so one up). */
  fitShift: number;
}

type Dimension = 'height' | 'weight' | 'foot';

/** Index of the row whose [from, to) range holds the value; the nearest end when it lies outside. */
function rowFor(chart: SizeChartRow[], dim: Dimension, value: number): { index: number; outside: boolean } | null {
  const rows = chart.map((r, index) => ({ range: r[dim], index })).filter((r) => r.range !== undefined);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return null;
  const hit = rows.find((r) => value >= r.range![0] && value < r.range![1]);
  if (hit) return { index: hit.index, outside: false };
  return { index: value < first.range![0] ? first.index : last.index, outside: true };
}

const sizeAt = (chart: SizeChartRow[], i: number): string => chart[Math.max(0, Math.min(chart.length - 1, i))]!.size;

/** Clothes: the larger of the height row and the weight row, since a size too small is the costlier mistake. */
export function adviseByBody(product: Product, height: number, weight: number): SizeAdvice | null {
  const chart = product.sizeChart;
  const h = rowFor(chart, 'height', height);
  const w = rowFor(chart, 'weight', weight);
  if (!h || !w) return null;
  const index = Math.max(h.index, w.index);
  return {
    size: sizeAt(chart, index), byHeight: sizeAt(chart, h.index), byWeight: sizeAt(chart, w.index),
    outOfChart: h.outside || w.outside, fitShift: 0,
  };
}

/** Shoes: the foot-length row, moved by the product's fit (a last that runs small means one size up). */
export function adviseByFoot(product: Product, footLengthCm: number): SizeAdvice | null {
  const chart = product.sizeChart;
  const f = rowFor(chart, 'foot', footLengthCm);
  if (!f) return null;
  const shifted = Math.max(0, Math.min(chart.length - 1, f.index + product.fit));
  return { size: sizeAt(chart, shifted), byFoot: sizeAt(chart, f.index), outOfChart: f.outside, fitShift: shifted - f.index };
}

/** From the size the buyer usually wears (平时穿M / 平时穿39), moved by the product's fit. */
export function adviseByUsual(product: Product, usual: string): SizeAdvice | null {
  const chart = product.sizeChart;
  const index = chart.findIndex((r) => r.size.toUpperCase() === usual.toUpperCase());
  if (index < 0) return null;
  const shifted = Math.max(0, Math.min(chart.length - 1, index + product.fit));
  return { size: sizeAt(chart, shifted), outOfChart: false, fitShift: shifted - index };
}

/** True when the chart sizes by foot length (shoes), so height and weight do not help. */
export const sizesByFoot = (product: Product): boolean => product.sizeChart.some((r) => r.foot !== undefined);
