/**
 * Follows the registry's current pointer, so a model trained or rolled back by `npm run train` (another process)
 * reaches the running chats without a restart. The check is one small file read; loading a new model happens in a
 * worker, and the swap itself never drops a connection.
 */
import type { Model } from '../../intents/model.js';
import type { ModelRegistry } from '../../intents/registry/index.js';
import type { TrainRunner } from '../../intents/train-runner.js';

/** What the follower needs. */
export interface FollowOptions {
  registry: ModelRegistry;
  runner: TrainRunner;
  /** Version the chats use now. */
  inUse(): string;
  switchTo(model: Model, version: string): void;
  everyMs: number;
  log: (message: string, err?: unknown) => void;
}

/** Starts following; returns the stop function. */
export function followRegistry(opts: FollowOptions): () => void {
  let busy = false;
  async function check(): Promise<void> {
    const current = await opts.registry.current();
    if (!current || current.version === opts.inUse()) return;
    const model = await opts.runner.load(await opts.registry.modelRef(current.version));
    // Someone may have switched again while it loaded; only the model still current goes in.
    if ((await opts.registry.current())?.version !== current.version || opts.inUse() === current.version) return;
    opts.switchTo(model, current.version);
    opts.log(`model ${current.version} switched in from the registry (npm run train)`);
  }
  const timer = setInterval(function followTick() {
    if (busy) return;
    busy = true;
    check().catch((err) => opts.log('could not follow the model registry', err)).finally(() => { busy = false; });
  }, opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
