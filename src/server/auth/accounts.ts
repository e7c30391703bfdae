/** Staff accounts (reps, trainers, operations) with bcrypt-hashed passwords, kept in a lowdb file under data/. */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import bcrypt from 'bcryptjs';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/** What a staff member may open. */
export type Role = 'rep' | 'trainer' | 'ops';
export const ROLES: readonly Role[] = ['rep', 'trainer', 'ops'];

/** One stored account; the password is only ever kept as a bcrypt hash. */
export interface Account {
  user: string;
  name: string;
  roles: Role[];
  hash: string;
}

/** Where accounts are kept; a second backend implements the same three calls. */
export interface AccountStore {
  get(user: string): Promise<Account | null>;
  put(account: Account): Promise<void>;
  list(): Promise<Account[]>;
}

const USER = /^[a-z0-9_.-]{2,32}$/;

/** A lowdb-backed account store (written atomically by lowdb's TextFile adapter). */
export function createAccountFile(file: string): AccountStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Low<{ accounts: Account[] }>(new JSONFile(file), { accounts: [] });
  let loaded: Promise<void> | undefined;
  const ready = (): Promise<void> => (loaded ??= db.read());
  return {
    async get(user) {
      await ready();
      return db.data.accounts.find((a) => a.user === user) ?? null;
    },
    async put(account) {
      await ready();
      db.data.accounts = [...db.data.accounts.filter((a) => a.user !== account.user), account];
      await db.write();
    },
    async list() {
      await ready();
      return [...db.data.accounts];
    },
  };
}

/** An account store in memory, for tests. */
export function createMemoryAccounts(): AccountStore {
  const map = new Map<string, Account>();
  return {
    get: async (user) => map.get(user) ?? null,
    put: async (a) => void map.set(a.user, a),
    list: async () => [...map.values()],
  };
}

/** Creates or replaces an account; the password is hashed here and never stored. */
export async function addAccount(
  store: AccountStore,
  a: { user: string; name?: string; roles: Role[]; password: string },
): Promise<Account> {
  if (!USER.test(a.user)) throw new Error(`user name "${a.user}" must be 2-32 of a-z 0-9 _ . -`);
  if (a.password.length < 8) throw new Error('password must be at least 8 characters');
  if (a.roles.length === 0 || a.roles.some((r) => !ROLES.includes(r))) throw new Error(`roles must be among ${ROLES.join(', ')}`);
  const account: Account = { user: a.user, name: a.name ?? a.user, roles: [...a.roles], hash: await bcrypt.hash(a.password, 10) };
  await store.put(account);
  return account;
}

/** On a fresh install: creates `admin` with every role and a random password, returned once so it can be shown. */
export async function ensureFirstAccount(store: AccountStore): Promise<{ user: string; password: string } | null> {
  if ((await store.list()).length > 0) return null;
  const password = randomBytes(9).toString('base64url');
  await addAccount(store, { user: 'admin', name: '店长', roles: [...ROLES], password });
  return { user: 'admin', password };
}

/** Checks a password against an account's hash (constant-time inside bcrypt). */
export const checkPassword = (account: Account, password: string): Promise<boolean> => bcrypt.compare(password, account.hash);
