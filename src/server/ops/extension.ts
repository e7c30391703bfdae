/** The marketing feature on the chat server: the operations API, reps' tag endpoints, and closing the log. */
import type { Marketing } from '../../bot/marketing/index.js';
import type { Auth } from '../auth/sessions.js';
import type { ServerExtension } from '../extension.js';
import { repTagRoutes } from './rep-routes.js';
import { opsRoutes } from './routes.js';

/** Mounts /api/ops/* (ops) and /api/rep/buyers/:id/tags (rep); the page itself is public/ops.html. */
export function opsExtension({ auth, marketing, clock = Date.now }: { auth: Auth; marketing: Marketing; clock?: () => number }): ServerExtension {
  return {
    name: 'ops',
    mount(app) {
      app.use(opsRoutes({ auth, marketing, clock }));
      app.use(repTagRoutes({ auth, marketing }));
    },
    close: () => marketing.close(),
  };
}
