/** POST /api/login and /api/logout for staff; sets an HttpOnly, SameSite=Strict session cookie. */
import express from 'express';
import type { ServerExtension } from '../extension.js';
import { SESSION_COOKIE, type Auth } from './sessions.js';

/** The staff login endpoints as a server extension. */
export function authExtension(auth: Auth): ServerExtension {
  return {
    name: 'auth',
    mount(app) {
      const router = express.Router();
      router.use(express.json({ limit: '4kb' }));
      router.post('/api/login', async (req, res) => {
        const { user, password } = (req.body ?? {}) as { user?: unknown; password?: unknown };
        if (typeof user !== 'string' || typeof password !== 'string') {
          res.status(400).json({ error: { code: 'bad_request', message: 'user and password are required' } });
          return;
        }
        const s = await auth.login(user, password);
        if (!s) {
          res.status(401).json({ error: { code: 'bad_credentials', message: 'wrong user name or password' } });
          return;
        }
        res.cookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: s.expiresAt - Date.now() });
        res.json({ user: s.user, name: s.name, roles: s.roles, token: s.token });
      });
      router.post('/api/logout', (req, res) => {
        const cookie = (req.headers.cookie ?? '').split(';').map((p) => p.trim()).find((p) => p.startsWith(`${SESSION_COOKIE}=`));
        if (cookie) auth.logout(decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)));
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        res.json({ ok: true });
      });
      app.use(router);
    },
  };
}
