/** Session ids: 128-bit random UUIDs, checked for shape before they are used anywhere (e.g. as a path). */
import { randomUUID } from 'node:crypto';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A new unguessable session id (122 random bits). */
export function newSessionId(): string {
  return randomUUID();
}

/** True only for ids of the exact shape newSessionId() makes; anything else never reaches storage. */
export function isSessionId(id: unknown): id is string {
  return typeof id === 'string' && UUID_V4.test(id);
}
