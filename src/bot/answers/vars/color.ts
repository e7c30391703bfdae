/** Values of the colour and stock answers: colours in stock, a colour or size asked about, honest colour notes. */
import { colourAsked } from '../../shop/catalog.js';
import type { ProductColour } from '../../shop/schema.js';
import { list } from '../../shop/text.js';
import { cue } from '../cues.js';
import type { AnswerContext, VarsBuilder } from '../context.js';
import type { Vars } from '../render.js';

const inStock = (c: ProductColour): boolean => Object.values(c.stock).some((n) => n > 0);
const sizesInStock = (c: ProductColour): string[] => Object.entries(c.stock).filter(([, n]) => n > 0).map(([s]) => s);

/** The colour asked about this turn, or the one in focus from earlier turns. */
function askedColour(ctx: AnswerContext): { word: string; colour: ProductColour | null } | null {
  const now = colourAsked(ctx.product, ctx.entities, ctx.text);
  if (now) return now;
  const earlier = ctx.state.slots.color;
  return earlier ? { word: earlier, colour: ctx.product.colors.find((c) => c.id === earlier || c.aliases.includes(earlier)) ?? null } : null;
}

function askedVars(ctx: AnswerContext, asked: { word: string; colour: ProductColour | null }): Vars {
  const { lang } = ctx;
  const { colour } = asked;
  // The buyer's own word when the product has no such colour (粉色), so the answer names what they asked for.
  const entity = ctx.entities.find((e) => e.kind === 'color');
  const name = colour ? colour.name[lang] : lang === 'zh' ? entity?.text ?? asked.word : String(entity?.value ?? asked.word);
  return {
    asked: true, askedColour: name, askedExists: colour !== null, askedInStock: colour ? inStock(colour) : false,
    askedSizes: colour ? list(sizesInStock(colour), lang) : '', askedNote: colour?.note?.[lang] ?? '',
  };
}

export const colorVars: VarsBuilder = (ctx) => {
  const { product, lang, text } = ctx;
  // Only the colour of this message: an earlier one would repeat an answer the buyer already has.
  const now = colourAsked(product, ctx.entities, text);
  return {
    colors: list(product.colors.filter(inStock).map((c) => c.name[lang]), lang),
    colorCount: product.colors.filter(inStock).length,
    soldOutColors: list(product.colors.filter((c) => !inStock(c)).map((c) => c.name[lang]), lang),
    diffQ: cue('colourDifference', text), colorNote: product.colorNote[lang], noReasonDays: ctx.shop.returns.noReasonDays,
    flatteringQ: cue('flattering', text), flattering: product.flattering?.[lang] ?? '',
    ...(now && !cue('colourDifference', text) ? askedVars(ctx, now) : {}),
  };
};

/** The size asked about this turn (L码还有吗) or earlier in the chat. */
function sizeAsked(ctx: AnswerContext): string | null {
  const e = ctx.entities.find((x) => x.kind === 'size' || x.kind === 'shoeSize');
  const size = e ? String(e.value) : ctx.state.slots.size ?? null;
  return size ? size.toUpperCase() : null;
}

export const stockVars: VarsBuilder = (ctx) => {
  const { product, lang, text } = ctx;
  const asked = askedColour(ctx);
  const size = sizeAsked(ctx);
  const colour = asked?.colour ?? null;
  const known = size !== null && product.sizeChart.some((r) => r.size.toUpperCase() === size);
  const pieces = (c: ProductColour): number => (size ? c.stock[size] ?? 0 : 0);
  const colourList = colour ? [colour] : product.colors;
  const withSize = colourList.filter((c) => pieces(c) > 0).map((c) => c.name[lang]);
  return {
    presale: product.presaleDays !== undefined, presaleDays: product.presaleDays ?? '', presaleQ: cue('presale', text),
    restock: product.restock?.[lang] ?? '', restockQ: cue('restock', text),
    askedSize: size !== null, stockSize: size ?? '', sizeKnown: known,
    sizeInStock: size !== null && withSize.length > 0, coloursWithSize: list(withSize, lang),
    ...(asked ? askedVars(ctx, asked) : {}),
    colourSizes: colour ? list(sizesInStock(colour), lang) : '',
    colors: list(product.colors.filter(inStock).map((c) => c.name[lang]), lang),
  };
};
