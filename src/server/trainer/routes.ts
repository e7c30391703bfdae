/** The trainer API under /api/trainer (role trainer). Bodies are checked here, once; the service trusts them. */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { CORPUS_SCRIPTS } from '../../intents/corpus.js';
import type { Auth } from '../auth/sessions.js';
import { TrainerError, trainerErrors } from './errors.js';
import type { TrainerService } from './service.js';

const Sentence = z.string().trim().min(1).max(500);
const Script = z.enum(CORPUS_SCRIPTS);
const Field = z.enum(['examples', 'tests', 'answers']);
const Answers = z.object({ 'zh-Hans': z.array(Sentence).min(1).max(20), en: z.array(Sentence).min(1).max(20) });
const Ids = z.array(z.string().min(1).max(64)).min(1).max(5000);

const TryBody = z.object({ text: Sentence });
const SentencesBody = z.object({ field: Field, texts: z.array(Sentence).min(1).max(500), script: Script.optional() });
const RemoveBody = z.object({ field: Field, text: Sentence, script: Script.optional() });
const NewIntentBody = z.object({
  intent: z.string().min(2).max(40), description: z.string().trim().max(500).optional(),
  examples: z.array(Sentence).max(500).default([]), answers: Answers,
});
const AssignBody = z.object({ ids: Ids, intent: z.string().min(1).max(40) });
const CreateFromInboxBody = NewIntentBody.omit({ examples: true }).extend({ ids: Ids });
const IgnoreBody = z.object({ ids: Ids });

/** Parses a body or answers `bad_request` with the first problem found. */
function body<T>(schema: z.ZodType<T>, req: Request): T {
  const r = schema.safeParse(req.body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TrainerError('bad_request', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'bad body');
  }
  return r.data;
}

const staffOf = (res: Response): { user: string; name: string } => res.locals.staff as { user: string; name: string };
const param = (req: Request, name: string): string => String(req.params[name] ?? '');

/** The /api/trainer router. */
export function trainerRoutes({ auth, service }: { auth: Auth; service: TrainerService }): Router {
  const r = express.Router();
  r.use('/api/trainer', auth.require('trainer'), express.json({ limit: '256kb' }));

  r.get('/api/trainer/me', (_req, res) => {
    const { user, name } = staffOf(res);
    res.json({ user, name });
  });

  r.get('/api/trainer/intents', async (_req, res) => { res.json(await service.intents()); });
  r.get('/api/trainer/intents/:intent', async (req, res) => { res.json(await service.intent(param(req, 'intent'))); });
  r.post('/api/trainer/intents', (req, res) => {
    res.status(201).json(service.createIntent(body(NewIntentBody, req)));
  });
  r.post('/api/trainer/intents/:intent/sentences', (req, res) => {
    const b = body(SentencesBody, req);
    res.json(service.addSentences(param(req, 'intent'), b.field, b.texts, b.script));
  });
  r.delete('/api/trainer/intents/:intent/sentences', (req, res) => {
    const b = body(RemoveBody, req);
    res.json(service.removeSentence(param(req, 'intent'), b.field, b.text, b.script));
  });

  r.post('/api/trainer/try', (req, res) => { res.json(service.trySentence(body(TryBody, req).text)); });

  r.get('/api/trainer/inbox', async (_req, res) => { res.json(await service.inbox()); });
  r.post('/api/trainer/inbox/assign', async (req, res) => {
    const b = body(AssignBody, req);
    res.json(await service.assign(b.ids, b.intent));
  });
  r.post('/api/trainer/inbox/create', async (req, res) => {
    const { ids, ...intent } = body(CreateFromInboxBody, req);
    res.status(201).json(await service.createFromInbox(ids, intent));
  });
  r.post('/api/trainer/inbox/ignore', async (req, res) => { res.json(await service.ignore(body(IgnoreBody, req).ids)); });

  r.post('/api/trainer/retrain', (_req, res) => { res.status(202).json({ job: service.startRetrain() }); });
  r.get('/api/trainer/retrain', (_req, res) => { res.json({ job: service.retrainStatus() }); });

  r.get('/api/trainer/models', async (_req, res) => { res.json(await service.models()); });
  r.get('/api/trainer/models/:version', async (req, res) => { res.json(await service.model(param(req, 'version'))); });
  r.post('/api/trainer/models/:version/confirm', async (req, res) => {
    res.json(await service.confirm(param(req, 'version'), staffOf(res).user));
  });
  r.post('/api/trainer/models/:version/rollback', async (req, res) => {
    res.json(await service.rollback(param(req, 'version')));
  });

  r.use(trainerErrors);
  return r;
}
