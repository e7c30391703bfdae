/** Values of the size answer: advice from the size chart, or what to ask for when measurements are missing. */
import { adviseByBody, adviseByFoot, adviseByUsual, sizesByFoot, type SizeAdvice } from '../../shop/sizing.js';
import type { Product } from '../../shop/schema.js';
import type { Slots } from '../../session/state.js';
import { cue } from '../cues.js';
import type { AnswerContext, VarsBuilder } from '../context.js';
import type { Vars } from '../render.js';

type Basis = 'body' | 'foot' | 'usual';

/** The best advice the collected facts allow, or which measurement to ask for. */
export function sizeAdvice(product: Product, slots: Slots): { advice: SizeAdvice; basis: Basis } | { missing: 'body' | 'foot' } {
  if (sizesByFoot(product)) {
    const byFoot = slots.footLength !== undefined ? adviseByFoot(product, slots.footLength) : null;
    if (byFoot) return { advice: byFoot, basis: 'foot' };
    const usual = slots.shoeSize !== undefined ? adviseByUsual(product, String(slots.shoeSize)) : null;
    return usual ? { advice: usual, basis: 'usual' } : { missing: 'foot' };
  }
  if (slots.height !== undefined && slots.weight !== undefined) {
    const byBody = adviseByBody(product, slots.height, slots.weight);
    if (byBody) return { advice: byBody, basis: 'body' };
  }
  const usual = slots.usualSize ? adviseByUsual(product, slots.usualSize) : null;
  return usual ? { advice: usual, basis: 'usual' } : { missing: 'body' };
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

function chartText(product: Product): string {
  return product.sizeChart.map((r) => {
    if (r.foot) return `${r.size}: ${r.foot[0]}-${r.foot[1]}cm`;
    const h = r.height ? `${r.height[0]}-${r.height[1]}cm` : '';
    const w = r.weight ? `${r.weight[0]}-${r.weight[1]}kg` : '';
    return `${r.size}: ${[h, w].filter(Boolean).join(' / ')}`;
  }).join('; ');
}

/** Stock of a size in the colour in focus (or in any colour). */
function stockNote(ctx: AnswerContext, size: string): Vars {
  const { product, state, lang } = ctx;
  const colour = product.colors.find((c) => c.id === state.slots.color);
  const pieces = colour ? colour.stock[size] ?? 0 : Math.max(...product.colors.map((c) => c.stock[size] ?? 0));
  return { soldOut: pieces === 0, stockColour: colour ? colour.name[lang] : '' };
}

/** When the buyer asks about another size than advised (M码呢), say how it would fit. */
function candidateVars(ctx: AnswerContext, advised: string): Vars {
  const candidate = ctx.entities.find((e) => e.kind === 'size' || e.kind === 'shoeSize');
  if (!candidate) return {};
  const name = String(candidate.value).toUpperCase();
  const chart = ctx.product.sizeChart.map((r) => r.size.toUpperCase());
  const [c, a] = [chart.indexOf(name), chart.indexOf(advised.toUpperCase())];
  if (c < 0 || a < 0 || c === a || ctx.state.slots.usualSize === name) return {};
  return { candidate: name, candidateSmaller: c < a, candidateBigger: c > a };
}

export const sizeVars: VarsBuilder = (ctx) => {
  const { product, state, lang } = ctx;
  const found = sizeAdvice(product, state.slots);
  const base: Vars = {
    chartQ: cue('chart', ctx.text), chart: chartText(product), fitQ: cue('fit', ctx.text),
    fitNote: product.fitNote[lang],
  };
  if ('missing' in found) return { ...base, askBody: found.missing === 'body', askFoot: found.missing === 'foot' };
  const { advice, basis } = found;
  const { slots } = state;
  const row = product.sizeChart.find((r) => r.size === advice.size);
  return {
    ...base,
    advice: true, size: advice.size, sizeDetail: row?.detail?.[lang] ?? '',
    byBody: basis === 'body', byFoot: basis === 'foot', byUsual: basis === 'usual',
    height: slots.height !== undefined ? round(slots.height) : '', weight: slots.weight !== undefined ? round(slots.weight) : '',
    foot: slots.footLength !== undefined ? round(slots.footLength) : '',
    usual: basis === 'usual' ? (slots.usualSize ?? String(slots.shoeSize ?? '')) : '',
    sizeByHeight: advice.byHeight ?? '', sizeByWeight: advice.byWeight ?? '', sizeByFoot: advice.byFoot ?? '',
    sameSize: advice.byHeight === advice.byWeight, outOfChart: advice.outOfChart,
    sizeUp: advice.fitShift > 0, sizeDown: advice.fitShift < 0, sameAsUsual: advice.fitShift === 0,
    ...stockNote(ctx, advice.size), ...candidateVars(ctx, advice.size),
  };
};
