/** The rep side as a server extension: /api/rep routes, the /ws/rep socket, and the console page. */
import type { CannedReply } from '../../bot/handoff/canned.js';
import type { HandoffDesk } from '../../bot/handoff/desk.js';
import type { Hub } from '../../bot/handoff/hub.js';
import type { Auth } from '../auth/sessions.js';
import type { ServerExtension } from '../extension.js';
import { sameOrigin } from './origin.js';
import { repRouter } from './routes.js';
import { handleRepSocket } from './socket.js';

/** Where rep consoles connect. */
export const REP_PATH = '/ws/rep';

/** What the rep extension needs; the desk is loaded and stopped by whoever made it. */
export interface RepExtensionDeps {
  auth: Auth;
  desk: HandoffDesk;
  hub: Hub;
  canned: CannedReply[];
  clock?: () => number;
  log?: (message: string, err?: unknown) => void;
}

/** Rep routes and socket; the upgrade is refused (401/403) without a rep session or from another site. */
export function repExtension(deps: RepExtensionDeps): ServerExtension {
  return {
    name: 'rep',
    mount(app) {
      app.get('/console', (_req, res) => res.redirect(302, '/console.html'));
      app.use(repRouter(deps));
    },
    sockets: [{
      path: REP_PATH,
      authorize(req) {
        if (!sameOrigin(req)) return { status: 403, code: 'cross_origin' };
        return deps.auth.fromRequest(req, 'rep') ? null : { status: 401, code: 'unauthorized' };
      },
      handle: (ws, req) => handleRepSocket(ws, req, deps),
    }],
  };
}
