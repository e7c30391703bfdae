/**
 * Rep HTTP routes under /api/rep (all need a valid rep session): who am I, the queue, canned replies, one handoff,
 * and the actions (claim, reply, tags, private note, close). Errors are `{ error: { code, message } }`.
 */
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { CannedReply } from '../../bot/handoff/canned.js';
import { HandoffError } from '../../bot/handoff/errors.js';
import type { HandoffDesk } from '../../bot/handoff/desk.js';
import type { RepRef } from '../../bot/handoff/types.js';
import type { Auth, StaffSession } from '../auth/sessions.js';
import { actionError, runAction } from './actions.js';
import { sameOrigin } from './origin.js';
import type { RepAction } from './protocol.js';
import { repSnapshot, repView } from './view.js';

const repOf = (res: Response): RepRef => {
  const s = res.locals.staff as StaffSession;
  return { user: s.user, name: s.name };
};

const field = (req: Request, name: string): unknown => (req.body as Record<string, unknown> | undefined)?.[name];

/** The router; mount it on the app. */
export function repRouter(deps: { auth: Auth; desk: HandoffDesk; canned: CannedReply[] }): express.Router {
  const { auth, desk, canned } = deps;
  const router = express.Router();
  router.use('/api/rep', function refuseCrossSite(req, res, next) {
    if (sameOrigin(req)) return next();
    res.status(403).json({ error: { code: 'cross_origin', message: 'requests must come from this site' } });
  });
  router.use('/api/rep', auth.require('rep'), express.json({ limit: '8kb' }));

  router.get('/api/rep/me', (_req, res) => {
    res.json({ ...repOf(res), online: desk.repsOnline() });
  });
  router.get('/api/rep/queue', (_req, res) => {
    res.json({ items: repSnapshot(desk), now: Date.now() });
  });
  router.get('/api/rep/canned', (_req, res) => {
    res.json({ replies: canned });
  });
  router.get('/api/rep/handoffs/:id', (req, res) => {
    const record = desk.get(req.params.id);
    if (!record) {
      res.status(404).json({ error: { code: 'handoff_not_found', message: 'no open handoff with this id' } });
      return;
    }
    res.json(repView(desk, record));
  });

  const act = (make: (req: Request) => RepAction) => async (req: Request, res: Response) => {
    const result = await runAction(desk, repOf(res), make(req));
    res.json({ ok: true, result });
  };
  const id = (req: Request): string => String(req.params.id);
  router.post('/api/rep/handoffs/:id/claim', act((req) => ({ type: 'claim', id: id(req) })));
  router.post('/api/rep/handoffs/:id/reply', act((req) => ({ type: 'reply', id: id(req), text: field(req, 'text') as string })));
  router.post('/api/rep/handoffs/:id/tags', act((req) => ({ type: 'tag', id: id(req), tag: field(req, 'tag') as string })));
  router.post('/api/rep/handoffs/:id/tags/delete', act((req) => ({ type: 'untag', id: id(req), tag: field(req, 'tag') as string })));
  router.post('/api/rep/handoffs/:id/note', act((req) => ({ type: 'note', id: id(req), text: field(req, 'text') as string })));
  router.post('/api/rep/handoffs/:id/close', act((req) => ({ type: 'close', id: id(req), outcome: field(req, 'outcome') as string })));

  const onError: ErrorRequestHandler = function repRouteError(err, _req, res, next) {
    // Body parser errors (bad JSON, too large) and anything unexpected go to the central handler, which logs.
    if (!(err instanceof HandoffError)) return next(err);
    const { status, code, message } = actionError(err);
    res.status(status).json({ error: { code, message } });
  };
  router.use('/api/rep', onError);
  return router;
}
