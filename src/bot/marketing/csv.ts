/** Rows to CSV (UTF-8 with BOM, so Excel opens Chinese text right) or JSON, streamed in chunks, free text masked. */
import { maskPii } from '../../intents/mask.js';
import { STORE_UTC_OFFSET_MIN } from './days.js';

export type ExportFormat = 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/** A column: its key (JSON) and header (CSV), and how to read it from a row. */
export interface Column<T> {
  key: string;
  header: string;
  value(row: T): string | number | null | undefined;
  /** Free text that may hold personal data (messages, tags, names): masked on the way out. */
  text?: boolean;
}

/** Masked text, remembered: several tag events of one message share it, and tags repeat all the time. */
function memoMask(limit = 50_000): (s: string) => string {
  const seen = new Map<string, string>();
  return function maskOnce(s) {
    let masked = seen.get(s);
    if (masked === undefined) {
      if (seen.size >= limit) seen.clear();
      masked = maskPii(s);
      seen.set(s, masked);
    }
    return masked;
  };
}

/** Excel reads a CSV as the local code page unless it starts with this mark. */
export const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 2000;

/** A time as the store's local "YYYY-MM-DD HH:MM:SS" (what a spreadsheet user expects), or empty. */
export function localTime(at: number | null | undefined): string {
  if (at === null || at === undefined) return '';
  return new Date(at + STORE_UTC_OFFSET_MIN * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell; strings starting with = + - @ get a quote so Excel does not run them as formulas. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const s = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A column's value with its free text masked. */
function cellValue<T>(c: Column<T>, row: T, mask: (s: string) => string): string | number | null {
  const v = c.value(row);
  if (v === undefined || v === null) return null;
  return c.text && typeof v === 'string' ? mask(v) : v;
}

/** One JSON object per row, written key by key (no object built per row: exports run to millions of rows). */
function jsonRow<T>(row: T, columns: Column<T>[], keys: string[], mask: (s: string) => string): string {
  let out = '{';
  for (let i = 0; i < columns.length; i++) out += `${i ? ',' : ''}${keys[i]}:${JSON.stringify(cellValue(columns[i]!, row, mask))}`;
  return `${out}}`;
}

/** Pages of rows as text chunks: CSV with BOM and CRLF lines, or a JSON array (no BOM: JSON forbids it). */
export async function* formatRows<T>(
  pages: Iterable<readonly T[]> | AsyncIterable<readonly T[]>, columns: Column<T>[], format: ExportFormat,
): AsyncIterable<string> {
  const csv = format === 'csv';
  const mask = memoMask();
  const keys = columns.map((c) => JSON.stringify(c.key));
  let chunk: string[] = [csv ? BOM + columns.map((c) => csvCell(c.header)).join(',') : '['];
  let first = true;
  for await (const page of pages) {
    for (const row of page) {
      if (csv) chunk.push(columns.map((c) => csvCell(cellValue(c, row, mask))).join(','));
      else chunk.push(`${first ? '' : ','}\n${jsonRow(row, columns, keys, mask)}`);
      first = false;
      if (chunk.length >= ROWS_PER_CHUNK) {
        yield csv ? `${chunk.join('\r\n')}\r\n` : chunk.join('');
        chunk = [];
      }
    }
  }
  if (!csv) chunk.push(`${first ? '' : '\n'}]\n`);
  yield csv ? (chunk.length > 0 ? `${chunk.join('\r\n')}\r\n` : '') : chunk.join('');
}
