/**
 * The desk's shared state and plumbing: open handoffs in memory (the store is written through), who is online,
 * and how news reaches buyers (their chat channel, mirrored into the chat's history) and reps (queue channel).
 */
import type { ShopData } from '../shop/schema.js';
import type { ChatStore } from '../store/types.js';
import type { ChatLine } from '../types.js';
import { buyerChannel, QUEUE_CHANNEL, repChannel, type Hub } from './hub.js';
import { DEFAULT_SERVICE_MS, estimateWaitMs, placeOf, waitingLine } from './queue.js';
import type { HandoffStore } from './store/types.js';
import type { HandoffRecord } from './types.js';
import { waitingUpdateText } from './buyer-texts.js';

/** What the desk needs. */
export interface DeskDeps {
  store: HandoffStore;
  hub: Hub;
  shop: ShopData;
  /** The bot's chat store: rep and system lines go into the chat's history too, so a reload shows them. */
  chats?: ChatStore;
  clock?: () => number;
  /** A waiting buyer with no news for this long is told their place again (default 2 minutes). */
  reminderMs?: number;
  /** Where a write made in the background (saveLater) that failed is reported. */
  log?: (message: string, err?: unknown) => void;
  /** How long saveLater lets a record's updates gather before one write (default 500 ms). */
  saveLaterMs?: number;
}

/** Lines kept in a record's transcript (the oldest drop off). */
export const TRANSCRIPT_LIMIT = 200;

/** The desk's internals, shared by the bot side and the rep side. */
export interface DeskCore {
  deps: DeskDeps;
  clock: () => number;
  records: Map<string, HandoffRecord>;
  bySession: Map<string, string>;
  /** Sockets per online rep user. */
  online: Map<string, number>;
  serviceMs: number;
  /** Last place and time each waiting buyer was told, to send updates only when there is news. */
  told: Map<string, { place: number; eta: number | null; at: number }>;
  openFor(sessionId: string): HandoffRecord | null;
  repsOnline(): number;
  position(id: string): { place: number; etaMs: number | null } | null;
  addLines(record: HandoffRecord, lines: ChatLine[]): void;
  save(record: HandoffRecord): Promise<void>;
  /**
   * Saves without making anyone wait, within saveLaterMs: for updates a crash may lose without losing the handoff
   * (a waiting buyer's message count and mood, a line for the rep; the lines are in the chat itself too). A buyer
   * typing fast costs one write of the record per saveLaterMs, not one per message. save() writes at once.
   */
  saveLater(record: HandoffRecord): void;
  /** Writes every record saveLater is holding (on stop). */
  flushLater(): Promise<void>;
  mirror(sessionId: string, lines: ChatLine[]): Promise<void>;
  publishQueue(record: HandoffRecord): void;
  publishToHolder(record: HandoffRecord): void;
  notifyWaiting(force?: boolean): void;
  /** notifyWaiting once, in this loop turn's check phase: handoffs opened together move the line once, not once each. */
  notifyWaitingSoon(): void;
}

/** Builds the core over its deps. */
export function createCore(deps: DeskDeps): DeskCore {
  const clock = deps.clock ?? Date.now;
  const reminderMs = deps.reminderMs ?? 120_000;
  const log = deps.log ?? console.error;
  const saveLaterMs = deps.saveLaterMs ?? 500;
  /** Records waiting for their saveLater write, by id. */
  const later = new Map<string, { record: HandoffRecord; timer: NodeJS.Timeout }>();
  let notifyScheduled = false;

  function putLogged(record: HandoffRecord): Promise<void> {
    return deps.store.put(record).catch((err: unknown) => log(`handoff ${record.id}: a background write failed`, err));
  }

  /** Takes a record out of the saveLater queue (its write is made now, by the caller). */
  function takeLater(id: string): HandoffRecord | undefined {
    const held = later.get(id);
    if (!held) return undefined;
    clearTimeout(held.timer);
    later.delete(id);
    return held.record;
  }
  const core: DeskCore = {
    deps, clock, records: new Map(), bySession: new Map(), online: new Map(), serviceMs: DEFAULT_SERVICE_MS, told: new Map(),
    openFor(sessionId) {
      const id = core.bySession.get(sessionId);
      return id ? core.records.get(id) ?? null : null;
    },
    repsOnline: () => core.online.size,
    position(id) {
      const place = placeOf(waitingLine(core.records.values()), id);
      return place === null ? null : { place, etaMs: estimateWaitMs(place, core.repsOnline(), core.serviceMs) };
    },
    addLines(record, lines) {
      record.transcript.push(...lines);
      if (record.transcript.length > TRANSCRIPT_LIMIT) record.transcript.splice(0, record.transcript.length - TRANSCRIPT_LIMIT);
    },
    save(record) {
      takeLater(record.id);
      return deps.store.put(record);
    },
    saveLater(record) {
      const held = later.get(record.id);
      if (held) {
        held.record = record;
        return;
      }
      const timer = setTimeout(function writeLater() {
        const taken = takeLater(record.id);
        if (taken) void putLogged(taken);
      }, saveLaterMs);
      timer.unref();
      later.set(record.id, { record, timer });
    },
    async flushLater() {
      await Promise.all([...later.keys()].map((id) => putLogged(takeLater(id)!)));
    },
    async mirror(sessionId, lines) {
      await deps.chats?.append(sessionId, lines).catch(() => undefined);
    },
    publishQueue(record) {
      deps.hub.publish(QUEUE_CHANNEL, { type: 'upsert', record });
    },
    publishToHolder(record) {
      if (record.rep) deps.hub.publish(repChannel(record.rep.user), { type: 'upsert', record });
    },
    notifyWaiting(force = false) {
      const line = waitingLine(core.records.values());
      const now = clock();
      line.forEach((record, i) => {
        const place = i + 1;
        const eta = estimateWaitMs(place, core.repsOnline(), core.serviceMs);
        const last = core.told.get(record.id);
        // News is a new place, an estimate appearing or going, or a long silence; not every tick.
        const news = !last || last.place !== place || (last.eta === null) !== (eta === null) || now - last.at >= reminderMs;
        if (!news && !force) return;
        core.told.set(record.id, { place, eta, at: now });
        if (!last) return; // the first place was told in the handoff reply itself
        const text = waitingUpdateText(place, eta, record.script);
        deps.hub.publish(buyerChannel(record.sessionId), { type: 'say', line: { from: 'system', text, at: now } });
      });
    },
    notifyWaitingSoon() {
      if (notifyScheduled) return;
      notifyScheduled = true;
      setImmediate(function notifyWaitingOnce() {
        notifyScheduled = false;
        core.notifyWaiting();
      });
    },
  };
  return core;
}
