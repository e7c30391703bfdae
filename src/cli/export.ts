/**
 * `npm run --silent export -- <segment|due|events> [options]`: a segment, the follow-ups due, or the tag events, as
 * CSV (UTF-8 with BOM, for Excel) or JSON, masked, to a file or stdout. Reads the marketing log read-only, so it can
 * run beside the server. Options:
 *   --format csv|json   (default csv)
 *   --tags a,b          buyers with all these tags      --any a,b   with any of these      --not a,b   with none
 *   --idle-days N       not reached for at least N days
 *   --date YYYY-MM-DD   count "due" and "idle" as of this store day (default: now)
 *   --out FILE          write here instead of stdout
 *   --log FILE          the event log (default $DATA_DIR/runtime/marketing/events.jsonl, DATA_DIR default data)
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../bot/marketing/csv.js';
import { EXPORT_KINDS, type ExportKind } from '../bot/marketing/export.js';
import { marketingLogFile } from '../bot/marketing/files.js';
import { openMarketing } from '../bot/marketing/index.js';
import { parseSegment } from '../bot/marketing/segments.js';
import { createFileTagStore } from '../bot/marketing/store/file.js';

const USAGE = 'usage: npm run --silent export -- <segment|due|events> [--format csv|json] [--tags a,b] [--any a,b] [--not a,b] '
  + '[--idle-days N] [--date YYYY-MM-DD] [--out FILE] [--log FILE]';

class UsageError extends Error {}

/** Noon of a store day (UTC+8), so the day is the same whatever the machine's zone. */
function dayClock(date: string | undefined): () => number {
  if (date === undefined) return Date.now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
  const at = Date.parse(`${date}T12:00:00+08:00`);
  return () => at;
}

async function writeTo(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      format: { type: 'string' }, tags: { type: 'string' }, any: { type: 'string' }, not: { type: 'string' },
      'idle-days': { type: 'string' }, date: { type: 'string' }, out: { type: 'string' }, log: { type: 'string' },
    },
  });
  const kind = positionals[0] as ExportKind | undefined;
  if (!kind || !EXPORT_KINDS.includes(kind) || positionals.length > 1) throw new UsageError(USAGE);
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be csv or json, got "${values.format}"`);
  const query = parseSegment({ tags: values.tags, any: values.any, not: values.not, idleDays: values['idle-days'] });
  const file = values.log ?? marketingLogFile(join(process.env.DATA_DIR ?? 'data', 'runtime'));
  const marketing = await openMarketing({ store: createFileTagStore({ file, readOnly: true }), clock: dayClock(values.date) });
  const chunks = marketing.exportChunks(kind, format, query);
  if (values.out) {
    const out = createWriteStream(values.out);
    await writeTo(out, chunks);
    out.end();
    await once(out, 'finish');
    console.error(`wrote ${values.out}`);
  } else {
    await writeTo(process.stdout, chunks);
  }
  await marketing.close();
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || (err as { code?: string }).code === 'bad_segment';
  console.error(err instanceof Error ? err.message : err);
  process.exit(usage ? 2 : 1);
});
