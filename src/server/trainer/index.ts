/**
 * The trainer feature on the chat server: the /api/trainer routes (page: public/trainer.html), the misunderstood
 * inbox fed by a turn observer, and retraining that swaps the chats' model without dropping a connection.
 */
import { join } from 'node:path';
import type { AnswerBook } from '../../bot/answers/book.js';
import type { TagRule } from '../../bot/extract/tags.js';
import {
  createInbox, createInboxObserver, createJsonlInboxStore, type Inbox, type InboxStore, type TurnListener,
} from '../../bot/inbox/index.js';
import { trainingSamples } from '../../intents/corpus.js';
import type { GatePolicy } from '../../intents/gate.js';
import { createNlu } from '../../intents/index.js';
import type { Model } from '../../intents/model.js';
import { createFileRegistryStore, createRegistry, type ModelRegistry } from '../../intents/registry/index.js';
import { openCurrentModel } from '../../intents/registry/bootstrap.js';
import { createRetrainer, type Retrainer } from '../../intents/registry/retrain.js';
import { createSwappableNlu, type SwappableNlu } from '../../intents/swappable.js';
import { createTrainRunner, type TrainRunner } from '../../intents/train-runner.js';
import type { Auth } from '../auth/sessions.js';
import type { ServerExtension } from '../extension.js';
import { createCorpusView } from './corpus-view.js';
import { createEdits } from './edits.js';
import { followRegistry } from './follow.js';
import { trainerRoutes } from './routes.js';
import { createTrainerService, type TrainerService } from './service.js';

/** What the trainer feature needs. */
export interface TrainerFeatureOptions {
  auth: Auth;
  trainingDir: string;
  /** The chats' Nlu; retraining and rollback swap the model behind it. */
  nlu: SwappableNlu;
  registry: ModelRegistry;
  /** Inbox storage: lowdb under data/runtime in the server, in memory in tests. */
  inboxStore: InboxStore;
  /** The bot's answer book (the same Map createBot got), refreshed in place when answers change. */
  answers?: AnswerBook;
  rules?: TagRule[];
  runner?: TrainRunner;
  policy?: GatePolicy;
  /** How often to look for a model switched in by another process (`npm run train`); 0 turns it off. */
  followMs?: number;
  clock?: () => number;
  log?: (message: string, err?: unknown) => void;
}

/** The wired feature. */
export interface TrainerFeature {
  extension: ServerExtension;
  /** Give it every finished turn (the engine's turn observer hook). */
  observer: TurnListener;
  service: TrainerService;
  retrainer: Retrainer;
  inbox: Inbox;
}

/** Wires the trainer feature. */
export function createTrainerFeature(opts: TrainerFeatureOptions): TrainerFeature {
  const { auth, trainingDir, nlu, registry, inboxStore } = opts;
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[trainer] ${m}`, e ?? ''));
  const view = createCorpusView(trainingDir);
  const inbox = createInbox(inboxStore, () => {
    const corpus = view.get();
    return { key: corpus.hash, byIntent: corpus.intents.map((f) => trainingSamples({ intents: [f], hash: corpus.hash }).map((s) => s.text)) };
  });
  let service: TrainerService | null = null;
  const runner = opts.runner ?? createTrainRunner({ unref: true });
  function switchTo(model: Model): void {
    nlu.swap(createNlu(model));
    // A switched-in model may know intents whose answers were added since the book was read.
    service?.refreshAnswers();
  }
  const retrainer = createRetrainer({
    registry, trainingDir, runner,
    ...(opts.policy ? { policy: opts.policy } : {}), ...(opts.clock ? { clock: opts.clock } : {}),
    onSwitch(model, entry) {
      switchTo(model);
      log(`model ${entry.version} is now answering (held-out accuracy ${(entry.accuracy * 100).toFixed(1)}%)`);
    },
  });
  service = createTrainerService({
    trainingDir, view, edits: createEdits(trainingDir, view), nlu, registry, retrainer, inbox, log,
    ...(opts.answers ? { answers: opts.answers } : {}), ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const observer = createInboxObserver({ inbox, modelVersion: () => nlu.version, onError: (e) => log('inbox write failed', e) });
  const routes = trainerRoutes({ auth, service });
  const followMs = opts.followMs ?? 5000;
  const stopFollowing = followMs > 0
    ? followRegistry({ registry, runner, inUse: () => nlu.version, switchTo, everyMs: followMs, log })
    : () => undefined;
  return {
    extension: {
      name: 'trainer',
      mount: (app) => void app.use(routes),
      async close() {
        stopFollowing();
        await inboxStore.close();
      },
    },
    observer, service, retrainer, inbox,
  };
}

/** The model registry under `modelDir`/registry, the current model in a swappable Nlu, and whether a retrain is due. */
export async function openTrainedNlu(opts: { modelDir: string; trainingDir: string; log?: (m: string) => void }): Promise<{
  nlu: SwappableNlu; registry: ModelRegistry; stale: boolean;
}> {
  const registry = createRegistry(createFileRegistryStore(join(opts.modelDir, 'registry')));
  const opened = await openCurrentModel({ registry, trainingDir: opts.trainingDir, cacheDir: opts.modelDir, ...(opts.log ? { log: opts.log } : {}) });
  return { nlu: createSwappableNlu(createNlu(opened.model)), registry, stale: opened.stale };
}

/** The inbox file under a runtime dir. */
export const openInboxStore = (runtimeDir: string): InboxStore =>
  createJsonlInboxStore({ file: join(runtimeDir, 'inbox.jsonl'), legacyFile: join(runtimeDir, 'inbox.json') });
