/** What the bot already collected for the rep: order number, size facts, colour, product, photo requested. */
import { COLOR_NAMES } from '../extract/lexicon/colors.js';
import type { ShopData } from '../shop/schema.js';
import type { SessionState } from '../session/state.js';
import type { CollectedFacts } from './types.js';

/** Reads the chat's state into the facts the note shows; empty facts are left out. */
export function collectedFacts(state: SessionState, shop: ShopData): CollectedFacts {
  const { slots } = state;
  const sizeFacts: string[] = [];
  if (slots.height !== undefined) sizeFacts.push(`身高${slots.height}cm`);
  if (slots.weight !== undefined) sizeFacts.push(`体重${slots.weight}kg`);
  if (slots.footLength !== undefined) sizeFacts.push(`脚长${slots.footLength}cm`);
  if (slots.usualSize) sizeFacts.push(`平时穿${slots.usualSize}`);
  if (slots.shoeSize !== undefined) sizeFacts.push(`鞋码${slots.shoeSize}`);
  if (slots.size) sizeFacts.push(`问的尺码${slots.size}`);
  const facts: CollectedFacts = { sizeFacts, photoRequested: state.photoAsked };
  if (slots.orderId) facts.orderId = slots.orderId;
  if (slots.color) facts.colour = COLOR_NAMES[slots.color] ?? slots.color;
  const product = shop.catalog.find((p) => p.id === state.productId);
  if (product) facts.product = product.name.zh;
  return facts;
}
