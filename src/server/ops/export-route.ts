/** GET /api/ops/export: a segment, the due list or the tag events as a CSV or JSON download, streamed. */
import type { Request, Response } from 'express';
import { dayKey } from '../../bot/marketing/days.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../bot/marketing/csv.js';
import { EXPORT_KINDS, type ExportKind } from '../../bot/marketing/export.js';
import { MarketingError, type Marketing } from '../../bot/marketing/index.js';
import { describeSegment, parseSegment, type SegmentQuery } from '../../bot/marketing/segments.js';
import { queryText } from './http.js';

/** The segment named by a request's query string (tags, any, not, idleDays). */
export function segmentOf(req: Request): SegmentQuery {
  return parseSegment({
    tags: queryText(req, 'tags'), any: queryText(req, 'any'), not: queryText(req, 'not'), idleDays: queryText(req, 'idleDays'),
  });
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new MarketingError('bad_export', `${what} must be one of ${allowed.join(', ')}`);
}

/** Writes chunks, waiting when the client reads slowly; stops if the client goes away. */
async function stream(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
  }
  res.end();
}

/** The export handler over a marketing service and its clock. */
export function exportHandler(marketing: Marketing, clock: () => number) {
  return async function exportTags(req: Request, res: Response): Promise<void> {
    const kind = pick<ExportKind>(queryText(req, 'kind'), EXPORT_KINDS, 'segment', 'kind');
    const format = pick<ExportFormat>(queryText(req, 'format'), EXPORT_FORMATS, 'csv', 'format');
    const query = segmentOf(req);
    const chunks = marketing.exportChunks(kind, format, query);
    const day = dayKey(clock());
    const title = kind === 'due' ? `跟进名单-${day}` : `${kind === 'events' ? '标签记录' : '买家'}-${describeSegment(query)}-${day}`;
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition',
      `attachment; filename="tags-${kind}-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`);
    res.setHeader('Cache-Control', 'no-store');
    await stream(res, chunks);
  };
}
