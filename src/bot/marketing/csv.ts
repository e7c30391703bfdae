/** Rows to CSV (UTF-8 with BOM, so Excel opens Chinese text right) or JSON, streamed in chunks, every text masked. */
import { maskPii } from '../../intents/mask.js';
import { STORE_UTC_OFFSET_MIN } from './days.js';

export type ExportFormat = 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/** A column: its key (JSON) and header (CSV), and how to read it from a row. */
export interface Column<T> {
  key: string;
  header: string;
  value(row: T): string | number | null | undefined;
}

/** Excel reads a CSV as the local code page unless it starts with this mark. */
export const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 2000;

/** A time as the store's local "YYYY-MM-DD HH:MM:SS" (what a spreadsheet user expects), or empty. */
export function localTime(at: number | null | undefined): string {
  if (at === null || at === undefined) return '';
  return new Date(at + STORE_UTC_OFFSET_MIN * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A masked cell; strings starting with = + - @ get a quote so Excel does not run them as formulas. */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : maskPii(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function jsonRow<T>(row: T, columns: Column<T>[]): string {
  const out: Record<string, string | number | null> = {};
  for (const c of columns) {
    const v = c.value(row);
    out[c.key] = v === undefined || v === null ? null : typeof v === 'number' ? v : maskPii(v);
  }
  return JSON.stringify(out);
}

/** The rows as text chunks: CSV with BOM and CRLF lines, or a JSON array (no BOM: JSON forbids it). */
export async function* formatRows<T>(
  rows: Iterable<T> | AsyncIterable<T>, columns: Column<T>[], format: ExportFormat,
): AsyncIterable<string> {
  const csv = format === 'csv';
  let chunk: string[] = [csv ? BOM + columns.map((c) => csvCell(c.header)).join(',') : '['];
  let first = true;
  for await (const row of rows) {
    if (csv) chunk.push(columns.map((c) => csvCell(c.value(row))).join(','));
    else chunk.push(`${first ? '' : ','}\n${jsonRow(row, columns)}`);
    first = false;
    if (chunk.length >= ROWS_PER_CHUNK) {
      yield csv ? `${chunk.join('\r\n')}\r\n` : chunk.join('');
      chunk = [];
    }
  }
  if (!csv) chunk.push(`${first ? '' : '\n'}]\n`);
  yield csv ? (chunk.length > 0 ? `${chunk.join('\r\n')}\r\n` : '') : chunk.join('');
}
