/** Trainer API errors: a stable code and its HTTP status, answered as `{ error: { code, message } }`. */
import type { ErrorRequestHandler } from 'express';

/** Codes the trainer API answers with, and their HTTP status. */
export const TRAINER_STATUS = {
  bad_request: 400,
  bad_corpus: 400,
  bad_version: 400,
  unknown_intent: 404,
  unknown_version: 404,
  model_missing: 404,
  intent_exists: 409,
  example_elsewhere: 409,
  copy_of_example: 409,
  last_answer: 409,
  not_held: 409,
  not_kept: 409,
  nothing_open: 409,
} as const;

export type TrainerErrorCode = keyof typeof TRAINER_STATUS;

/** A trainer request that cannot be done. */
export class TrainerError extends Error {
  override readonly name = 'TrainerError';
  constructor(readonly code: TrainerErrorCode, message: string) {
    super(message);
  }

  get status(): number {
    return TRAINER_STATUS[this.code];
  }
}

/** Errors from the layers below (corpus, registry, retrainer) carry codes of their own; known ones keep them. */
function statusOf(err: unknown): { status: number; code: string } | null {
  if (err instanceof TrainerError) return { status: err.status, code: err.code };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in TRAINER_STATUS) return { status: TRAINER_STATUS[code as TrainerErrorCode], code };
  return null;
}

/** Answers trainer errors; anything else goes on to the server's central handler (500, logged). */
export const trainerErrors: ErrorRequestHandler = function trainerErrors(err: unknown, _req, res, next) {
  const known = statusOf(err);
  if (!known) return next(err);
  res.status(known.status).json({ error: { code: known.code, message: (err as Error).message } });
};
