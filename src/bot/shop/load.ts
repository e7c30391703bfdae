/** Reads and validates a store file (data/store.json). */
import { readFileSync } from 'node:fs';
import { ShopSchema, type ShopData } from './schema.js';

/** Thrown when the store file does not match the schema; `code` is stable for callers and tests. */
export class ShopDataError extends Error {
  readonly code = 'SHOP_DATA_INVALID';
}

/** Parses a store object; throws ShopDataError listing every problem at once. */
export function parseShop(raw: unknown): ShopData {
  const result = ShopSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ShopDataError(`store data invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Loads data/store.json (or any copy of it) from disk. */
export function loadShop(file: string): ShopData {
  return parseShop(JSON.parse(readFileSync(file, 'utf8')));
}
