/** Starts the real server with staff login and the rep extension, and gives tests logged-in reps. */
import { createMemoryAccounts, addAccount } from '../../../src/server/auth/accounts.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { createAuth } from '../../../src/server/auth/sessions.js';
import { SESSION_COOKIE } from '../../../src/server/auth/sessions.js';
import type { HandoffDesk } from '../../../src/bot/handoff/desk.js';
import type { Hub } from '../../../src/bot/handoff/hub.js';
import { loadCannedReplies } from '../../../src/bot/handoff/canned.js';
import { repExtension } from '../../../src/server/rep/index.js';
import type { RepServerFrame } from '../../../src/server/rep/protocol.js';
import type { Bot } from '../../../src/bot/types.js';
import { connect } from '../helpers/client.js';
import { startServer, type Started } from '../helpers/start.js';
import { join } from 'node:path';
import { ROOT } from '../../bot/helpers.js';

/** Staff accounts every rep test has: two reps and a trainer who is not a rep. */
export const STAFF = [
  { user: 'amy', name: '小美', roles: ['rep' as const], password: 'amy-secret-1' },
  { user: 'bob', name: '小波', roles: ['rep' as const], password: 'bob-secret-1' },
  { user: 'tina', name: 'Tina', roles: ['trainer' as const], password: 'tina-secret-1' },
];

/** The server with auth and the rep console mounted on a given bot and desk. */
export async function startRepServer(bot: Bot, desk: HandoffDesk, hub: Hub): Promise<Started> {
  const accounts = createMemoryAccounts();
  for (const s of STAFF) await addAccount(accounts, s);
  const auth = createAuth({ accounts });
  const canned = loadCannedReplies(join(ROOT, 'data', 'canned-replies.json'));
  return startServer(bot, { extensions: [authExtension(auth), repExtension({ auth, desk, hub, canned })] });
}

/** Logs in over HTTP and returns the session cookie header. */
export async function login(server: Started, user: string): Promise<string> {
  const s = STAFF.find((x) => x.user === user)!;
  const res = await fetch(`${server.http}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: s.password }),
  });
  if (!res.ok) throw new Error(`login ${user}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return cookie.split(';')[0]!;
}

/** A rep console's socket, reading RepServerFrames in order. */
export async function repSocket(server: Started, cookie: string) {
  const client = await connect(server.ws.replace('/ws/chat', '/ws/rep'), { headers: { cookie } });
  type T = RepServerFrame['type'];
  return {
    ...client,
    next: <K extends T>(type?: K, ms?: number) =>
      client.next(type as never, ms) as unknown as Promise<Extract<RepServerFrame, { type: K }>>,
  };
}

/** POSTs JSON to a rep route with a cookie; returns status and body. */
export async function post(server: Started, path: string, cookie: string, body: unknown = {}) {
  const res = await fetch(`${server.http}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
}
