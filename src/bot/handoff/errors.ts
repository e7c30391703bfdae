/** Errors of the handoff desk, each with a stable code the server maps to a status. */

export type HandoffErrorCode = 'handoff_not_found' | 'already_claimed' | 'not_your_chat' | 'handoff_closed' | 'bad_input';

/** Thrown by the desk's rep actions; `code` is stable and asserted by tests. */
export class HandoffError extends Error {
  readonly code: HandoffErrorCode;

  constructor(code: HandoffErrorCode, message: string) {
    super(message);
    this.name = 'HandoffError';
    this.code = code;
  }
}
