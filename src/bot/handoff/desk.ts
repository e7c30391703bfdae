/**
 * The handoff desk: everything after the bot decides a person should take over. The bot side opens handoffs and
 * relays a held chat to its rep; the rep side claims, replies, tags and closes. Open handoffs are kept in memory
 * and written through to the HandoffStore, so a restart finds queued chats queued and claimed ones with their rep.
 */
import { botSide } from './bot-side.js';
import { createCore, type DeskDeps } from './core.js';
import { QUEUE_CHANNEL } from './hub.js';
import { byUrgency } from './queue.js';
import { repSide } from './rep-side.js';
import type { HandoffRecord } from './types.js';

export type { DeskDeps } from './core.js';
export type { TurnInput } from './bot-side.js';

/** How often waiting buyers are checked for news (place changes are told at once; this catches long silences). */
const TICK_MS = 15_000;

/** Builds the desk. Call load() once before use, and stop() on shutdown. */
export function createHandoffDesk(deps: DeskDeps) {
  const core = createCore(deps);
  const bot = botSide(core);
  const reps = repSide(core);
  let timer: NodeJS.Timeout | undefined;

  function presence(): void {
    deps.hub.publish(QUEUE_CHANNEL, { type: 'presence', online: core.repsOnline() });
  }

  return {
    ...bot,
    ...reps,

    /** Rebuilds the queue from the store (after a restart) and starts the waiting-room reminders. */
    async load(): Promise<void> {
      for (const record of await deps.store.open()) {
        core.records.set(record.id, record);
        core.bySession.set(record.sessionId, record.id);
      }
      timer ??= setInterval(function remindWaiting() { core.notifyWaiting(); }, TICK_MS);
      timer.unref();
    },

    /** Open handoffs: waiting ones in the order reps should take them, then the claimed ones. */
    list(): HandoffRecord[] {
      const all = [...core.records.values()];
      const waiting = all.filter((r) => r.status === 'queued').sort(byUrgency);
      const claimed = all.filter((r) => r.status === 'claimed').sort((a, b) => (a.claimedAt ?? 0) - (b.claimedAt ?? 0));
      return [...waiting, ...claimed];
    },

    /** One open handoff, or null. */
    get: (id: string): HandoffRecord | null => core.records.get(id) ?? null,

    /** A buyer's place in the queue and expected wait, or null when the chat is not waiting. */
    positionOf(sessionId: string): { place: number; etaMs: number | null } | null {
      const record = core.openFor(sessionId);
      return record ? core.position(record.id) : null;
    },

    /** A rep socket opened; returns the function to call when it closes. Waiting buyers hear the new estimate. */
    repConnected(user: string): () => void {
      core.online.set(user, (core.online.get(user) ?? 0) + 1);
      presence();
      core.notifyWaiting();
      let done = false;
      return function repDisconnected() {
        if (done) return;
        done = true;
        const left = (core.online.get(user) ?? 1) - 1;
        if (left <= 0) core.online.delete(user);
        else core.online.set(user, left);
        presence();
        core.notifyWaiting();
      };
    },

    repsOnline: (): number => core.repsOnline(),

    /** Tells waiting buyers their place again when it changed or they heard nothing for a while (the timer calls it). */
    remindWaiting: (): void => core.notifyWaiting(),

    /** Stops the reminders, writes what saveLater holds and waits for pending writes. */
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await core.flushLater();
      await deps.store.close();
    },
  };
}

/** The desk as the server and the bot see it. */
export type HandoffDesk = ReturnType<typeof createHandoffDesk>;
