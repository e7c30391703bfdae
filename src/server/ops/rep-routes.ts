/** Hand-made tags for reps (role rep): see a buyer's tags, add one, take one off. Every change is logged. */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Marketing } from '../../bot/marketing/index.js';
import type { Auth } from '../auth/sessions.js';
import { HttpError, opsErrors, refuseCrossSite } from './http.js';

const AddBody = z.object({
  tag: z.string(),
  sessionId: z.string().max(100).nullish(),
  /** The buyer message the rep tagged from, if any (masked before it is logged). */
  message: z.string().max(2000).optional(),
});

/** The /api/rep/buyers/:buyerId/tags router. */
export function repTagRoutes({ auth, marketing }: { auth: Auth; marketing: Marketing }): Router {
  const r = express.Router();
  const base = '/api/rep/buyers/:buyerId/tags';
  r.use('/api/rep/buyers', refuseCrossSite, auth.require('rep'), express.json({ limit: '8kb' }));
  const by = (res: express.Response): string => (res.locals.staff as { user: string }).user;

  r.get(base, (req, res) => {
    const profile = marketing.profile(req.params.buyerId);
    if (!profile) throw new HttpError(404, 'unknown_buyer', `no buyer ${req.params.buyerId}`);
    res.json({ buyerId: profile.buyerId, tags: profile.tags });
  });

  r.post(base, async (req, res) => {
    const body = AddBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'bad_request', 'tag is required');
    const { tag, sessionId, message } = body.data;
    const event = await marketing.addTag({ buyerId: req.params.buyerId, tag, by: by(res), sessionId: sessionId ?? null, ...(message ? { message } : {}) });
    res.status(201).json(event);
  });

  r.delete(`${base}/:tag`, async (req, res) => {
    res.json(await marketing.removeTag({ buyerId: req.params.buyerId, tag: req.params.tag, by: by(res) }));
  });
  r.use(opsErrors);
  return r;
}
