/** The marketing feature, wired for the server: the tag log under the runtime dir, its turn observer, rep tags, routes. */
import type { TurnObserver } from '../../bot/engine.js';
import type { HandoffFeature } from '../../bot/handoff/index.js';
import { marketingLogFile } from '../../bot/marketing/files.js';
import { openMarketing, type Marketing } from '../../bot/marketing/index.js';
import { tagObserver } from '../../bot/marketing/observer.js';
import { followRepTags } from '../../bot/marketing/repDesk.js';
import { createFileTagStore } from '../../bot/marketing/store/file.js';
import type { Auth } from '../auth/sessions.js';
import type { ServerExtension } from '../extension.js';
import { opsExtension } from './extension.js';

/** What main.ts plugs in: the observer for the engine and the extension for the server. */
export interface OpsFeature {
  marketing: Marketing;
  observer: TurnObserver;
  extension: ServerExtension;
}

/** Opens runtimeDir/marketing/events.jsonl (replaying it), follows the rep console's tags, builds the routes. */
export async function openOpsFeature(opts: {
  auth: Auth; runtimeDir: string; handoff?: Pick<HandoffFeature, 'hub' | 'desk'>; clock?: () => number;
  log?: (message: string, err?: unknown) => void;
}): Promise<OpsFeature> {
  const log = opts.log ?? ((m: string, err?: unknown) => console.error(`[ops] ${m}`, err ?? ''));
  const clock = opts.clock ?? Date.now;
  const marketing = await openMarketing({ store: createFileTagStore({ file: marketingLogFile(opts.runtimeDir) }), clock });
  const stopRepTags = opts.handoff ? followRepTags({ ...opts.handoff, marketing, log }) : () => {};
  const routes = opsExtension({ auth: opts.auth, marketing, clock });
  return {
    marketing,
    observer: tagObserver(marketing, log),
    extension: {
      ...routes,
      async close() {
        stopRepTags();
        await routes.close?.();
      },
    },
  };
}
