/** Staff accounts and logins for the operations route tests. */
import { addAccount, createMemoryAccounts } from '../../../src/server/auth/accounts.js';
import { createAuth, type Auth } from '../../../src/server/auth/sessions.js';

export const PASSWORD = 'long enough pw';

/** An auth service with an ops user, a rep user and a trainer. */
export async function staffAuth(): Promise<Auth> {
  const accounts = createMemoryAccounts();
  await addAccount(accounts, { user: 'olivia', name: '运营小欧', roles: ['ops'], password: PASSWORD });
  await addAccount(accounts, { user: 'rita', name: '客服小丽', roles: ['rep'], password: PASSWORD });
  await addAccount(accounts, { user: 'tom', roles: ['trainer'], password: PASSWORD });
  return createAuth({ accounts });
}

/** Logs in over HTTP and returns the Bearer header. */
export async function login(base: string, user: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${user}: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}
