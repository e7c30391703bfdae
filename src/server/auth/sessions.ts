/** Staff login sessions: random tokens in a cookie, checked on every rep, trainer and operations request. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { checkPassword, type Account, type AccountStore, type Role } from './accounts.js';

export const SESSION_COOKIE = 'kefu_staff';

/** A logged-in staff member. */
export interface StaffSession {
  token: string;
  user: string;
  name: string;
  roles: Role[];
  expiresAt: number;
}

/** Login, logout and token checks. */
export interface Auth {
  login(user: string, password: string): Promise<StaffSession | null>;
  logout(token: string): void;
  /** The session behind a request's cookie or Bearer token, if it is valid and has the role. */
  fromRequest(req: IncomingMessage, role: Role): StaffSession | null;
  /** Express middleware: 401 without a valid session, 403 without the role; sets res.locals.staff. */
  require(role: Role): (req: Request, res: Response, next: NextFunction) => void;
}

function tokenOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Creates the auth service over an account store; sessions live in memory and expire after `ttlMs`. */
export function createAuth(opts: { accounts: AccountStore; clock?: () => number; ttlMs?: number }): Auth {
  const clock = opts.clock ?? Date.now;
  const ttl = opts.ttlMs ?? 12 * 3600_000;
  const sessions = new Map<string, StaffSession>();

  function check(token: string | null, role: Role): StaffSession | null | 'forbidden' {
    if (!token) return null;
    const s = sessions.get(token);
    if (!s) return null;
    if (s.expiresAt <= clock()) {
      sessions.delete(token);
      return null;
    }
    return s.roles.includes(role) ? s : 'forbidden';
  }

  return {
    async login(user, password) {
      const account: Account | null = await opts.accounts.get(user);
      if (!account || !(await checkPassword(account, password))) return null;
      const s: StaffSession = {
        token: randomBytes(24).toString('base64url'),
        user: account.user,
        name: account.name,
        roles: account.roles,
        expiresAt: clock() + ttl,
      };
      sessions.set(s.token, s);
      return s;
    },
    logout: (token) => void sessions.delete(token),
    fromRequest(req, role) {
      const s = check(tokenOf(req), role);
      return s === 'forbidden' ? null : s;
    },
    require(role) {
      return function requireStaff(req, res, next) {
        const s = check(tokenOf(req), role);
        if (s === null) {
          res.status(401).json({ error: { code: 'unauthorized', message: 'log in first' } });
          return;
        }
        if (s === 'forbidden') {
          res.status(403).json({ error: { code: 'forbidden', message: `this needs the ${role} role` } });
          return;
        }
        res.locals.staff = s;
        next();
      };
    },
  };
}
