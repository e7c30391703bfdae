/** Runs a rep's action on the desk; shared by the HTTP routes and the rep socket so both behave the same. */
import { HandoffError } from '../../bot/handoff/errors.js';
import type { HandoffDesk } from '../../bot/handoff/desk.js';
import type { RepRef } from '../../bot/handoff/types.js';
import type { RepAction } from './protocol.js';

/** HTTP status of each desk error code. */
export const ACTION_STATUS: Record<string, number> = {
  handoff_not_found: 404, already_claimed: 409, not_your_chat: 403, handoff_closed: 409, bad_input: 400,
};

/** Does the action; throws HandoffError with a stable code when it cannot be done. */
export async function runAction(desk: HandoffDesk, rep: RepRef, action: RepAction): Promise<unknown> {
  switch (action.type) {
    case 'claim': return desk.claim(action.id, rep);
    case 'reply': return desk.reply(action.id, rep, action.text);
    case 'tag': return desk.tag(action.id, rep, action.tag);
    case 'untag': return desk.untag(action.id, rep, action.tag);
    case 'note': return desk.setPrivateNote(action.id, rep, action.text);
    case 'close': return desk.close(action.id, rep, action.outcome);
  }
}

/** The error body and status for anything an action threw; unknown errors are internal and not described. */
export function actionError(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof HandoffError) return { status: ACTION_STATUS[err.code] ?? 400, code: err.code, message: err.message };
  return { status: 500, code: 'internal', message: 'internal error' };
}
