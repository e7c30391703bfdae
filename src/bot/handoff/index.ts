/** The handoff feature, wired: a desk on lowdb under the runtime dir, its hub, and the engine hooks. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TurnInterceptor, TurnObserver } from '../engine.js';
import type { ShopData } from '../shop/schema.js';
import type { ChatStore } from '../store/types.js';
import { createHandoffDesk, type HandoffDesk } from './desk.js';
import { createLocalHub, type Hub } from './hub.js';
import { handoffInterceptor, handoffObserver } from './observer.js';
import { loadHandoffRules, withHandoffRules } from './rules.js';
import { createLowdbHandoffStore } from './store/lowdb.js';

/** A running handoff feature. */
export interface HandoffFeature {
  desk: HandoffDesk;
  hub: Hub;
  observer: TurnObserver;
  intercept: TurnInterceptor;
  stop(): Promise<void>;
}

/** The shop with data/handoff-rules.json added to its handoff rules (no file: the shop as it is). */
export function shopWithHandoffRules(shop: ShopData, dataDir: string): ShopData {
  const file = join(dataDir, 'handoff-rules.json');
  return existsSync(file) ? withHandoffRules(shop, loadHandoffRules(file)) : shop;
}

/** Opens the desk on runtimeDir/handoffs and reloads open handoffs (queued stay queued, claimed keep their rep). */
export async function openHandoff(opts: {
  runtimeDir: string; shop: ShopData; chats: ChatStore; clock?: () => number; log?: (message: string, err?: unknown) => void;
}): Promise<HandoffFeature> {
  const hub = createLocalHub((err) => opts.log?.('handoff hub listener failed', err));
  const desk = createHandoffDesk({
    store: createLowdbHandoffStore({ dir: join(opts.runtimeDir, 'handoffs') }), hub, shop: opts.shop, chats: opts.chats,
    ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.log ? { log: opts.log } : {}),
  });
  await desk.load();
  return { desk, hub, observer: handoffObserver(desk), intercept: handoffInterceptor(desk), stop: () => desk.stop() };
}
