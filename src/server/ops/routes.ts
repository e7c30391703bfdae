/** The operations person's API under /api/ops (role ops): buyers and segments, due list, figures, exports. */
import express, { type Router } from 'express';
import { z } from 'zod';
import { dayKey } from '../../bot/marketing/days.js';
import { describeSegment, tagList } from '../../bot/marketing/segments.js';
import type { Marketing } from '../../bot/marketing/index.js';
import type { Auth } from '../auth/sessions.js';
import { exportHandler, segmentOf } from './export-route.js';
import { HttpError, opsErrors, queryInt, queryText, refuseCrossSite } from './http.js';

const DoneBody = z.object({ buyerId: z.string().min(1).max(100), step: z.enum(['coupon', 'offer']) });

/** Staff user of the request (set by auth.require). */
const staffUser = (res: express.Response): string => (res.locals.staff as { user: string }).user;

/** The /api/ops router. */
export function opsRoutes({ auth, marketing, clock }: { auth: Auth; marketing: Marketing; clock: () => number }): Router {
  const r = express.Router();
  r.use('/api/ops', refuseCrossSite, auth.require('ops'), express.json({ limit: '4kb' }));

  r.get('/api/ops/me', (_req, res) => {
    const { user, name, roles } = res.locals.staff as { user: string; name: string; roles: string[] };
    res.json({ user, name, roles });
  });

  r.get('/api/ops/buyers', (req, res) => {
    const query = segmentOf(req);
    const limit = queryInt(req, 'limit', 100, 1, 1000);
    const buyers = marketing.segment(query);
    res.json({ segment: describeSegment(query), count: buyers.length, buyers: buyers.slice(0, limit) });
  });

  r.get('/api/ops/buyers/:buyerId', (req, res) => {
    const profile = marketing.profile(req.params.buyerId);
    if (!profile) throw new HttpError(404, 'unknown_buyer', `no buyer ${req.params.buyerId}`);
    res.json(profile);
  });

  r.get('/api/ops/due', (_req, res) => {
    res.json({ today: dayKey(clock()), items: marketing.due() });
  });

  r.post('/api/ops/due/done', async (req, res) => {
    const body = DoneBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'bad_request', 'buyerId and step (coupon or offer) are required');
    res.json(await marketing.markDone({ ...body.data, by: staffUser(res) }));
  });

  r.get('/api/ops/tag-counts', (req, res) => {
    const tags = tagList(queryText(req, 'tags'));
    res.json(marketing.tagCounts({ days: queryInt(req, 'days', 30, 1, 366), top: queryInt(req, 'top', 6, 1, 20), ...(tags ? { tags } : {}) }));
  });

  r.get('/api/ops/pain-points', (req, res) => {
    const days = queryInt(req, 'days', 7, 1, 90);
    res.json({ days, items: marketing.painPoints({ days, top: queryInt(req, 'top', 10, 1, 50) }) });
  });

  r.get('/api/ops/export', exportHandler(marketing, clock));
  r.use(opsErrors);
  return r;
}
