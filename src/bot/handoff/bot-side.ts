/**
 * The bot's side of the desk: a turn that decided to hand off opens a handoff (with its note) and the buyer is
 * told their place and wait, or, with no rep online, asked to leave a message. While a rep holds the chat, the
 * buyer's messages go to the rep and the bot stays silent.
 */
import { randomUUID } from 'node:crypto';
import type { SessionState } from '../session/state.js';
import type { BotReply, ChatLine, Turn } from '../types.js';
import { contactChoices, noRepText, offlineText, placeText } from './buyer-texts.js';
import type { DeskCore } from './core.js';
import { QUEUE_CHANNEL, repChannel } from './hub.js';
import { buildNote } from './note.js';
import { nextOffline } from './offline.js';
import { urgencyOf } from './reasons.js';
import type { HandoffRecord } from './types.js';

/** What the bot side sees after a turn: the finished turn, the chat's state and its lines (this turn's included). */
export interface TurnInput {
  turn: Turn;
  state: SessionState;
  history: ChatLine[];
}

const reply = (text: string, quickReplies: string[] = []): BotReply => ({ text, intent: 'human', quickReplies });

/** Lines of this turn as the record stage stored them: the buyer's message and the bot's replies. */
function turnLines(turn: Turn): ChatLine[] {
  return [
    { from: 'buyer', text: turn.raw, at: turn.at, intent: turn.classification?.intent ?? null },
    ...(turn.replies ?? []).map((r): ChatLine => ({ from: 'bot', text: r.text, at: turn.at, intent: r.intent })),
  ];
}

/** Builds the bot side over the desk's core. */
export function botSide(core: DeskCore) {
  const { deps, clock } = core;

  async function open({ turn, state, history }: TurnInput, reason: HandoffRecord['note']['reason'], detail?: string): Promise<BotReply[]> {
    const note = buildNote({ turn, state, history, shop: deps.shop, reason, ...(detail ? { detail } : {}) });
    const record: HandoffRecord = {
      id: randomUUID(), sessionId: turn.sessionId, status: 'queued',
      urgency: urgencyOf(reason, detail, note.painPoint?.label, note.buyerType.angry),
      createdAt: turn.at, note, transcript: history.slice(-50), buyerMessages: 0, repTags: [], privateNote: '',
      script: state.script,
    };
    const online = core.repsOnline() > 0;
    if (!online) record.offline = { step: 'message' };
    core.records.set(record.id, record);
    core.bySession.set(record.sessionId, record.id);
    const pos = core.position(record.id);
    if (pos) core.told.set(record.id, { place: pos.place, eta: pos.etaMs, at: clock() });
    const text = online && pos ? placeText(pos.place, pos.etaMs, record.script) : noRepText(deps.shop, record.script);
    const line: ChatLine = { from: 'system', text, at: clock() };
    core.addLines(record, [line]);
    // Reps see the chat while it is being written: the write is awaited before the buyer is answered, and the
    // chat's own state (saved by the record stage) already says it went to a person.
    const saved = core.save(record);
    core.publishQueue(record);
    core.notifyWaitingSoon();
    await Promise.all([saved, core.mirror(record.sessionId, [line])]);
    return [reply(text)];
  }

  /** The turn joins a waiting handoff: the rep's note stays current (message count, mood, pain point). */
  async function join(record: HandoffRecord, { turn }: TurnInput): Promise<BotReply[]> {
    core.addLines(record, turnLines(turn));
    record.buyerMessages += 1;
    if (turn.buyerType) record.note.buyerType = turn.buyerType;
    if (turn.painPoint) record.note.painPoint = turn.painPoint;
    if (turn.mood === 'angry') {
      record.note.mood = 'angry';
      record.urgency = Math.min(record.urgency, urgencyOf('angry', undefined, undefined, true));
    }
    // The buyer's reply does not wait for the disk: the record is current in memory, where reps read it.
    core.saveLater(record);
    core.publishQueue(record);
    if (turn.decision?.kind !== 'handoff') return [];
    // Asked for a person again while waiting: the place again, so they know they were heard.
    const pos = core.position(record.id);
    return pos ? [reply(placeText(pos.place, pos.etaMs, record.script))] : [];
  }

  /** A message while a rep holds the chat: to the rep, and nothing from the bot. */
  async function toRep(record: HandoffRecord, text: string, at: number): Promise<BotReply[]> {
    const line: ChatLine = { from: 'buyer', text, at, intent: null };
    core.addLines(record, [line]);
    record.buyerMessages += 1;
    // The line is safe in the chat (mirror); the record, which the rep reads from memory, follows within saveLaterMs.
    await core.mirror(record.sessionId, [line]);
    core.saveLater(record);
    deps.hub.publish(repChannel(record.rep!.user), { type: 'line', id: record.id, line });
    return [];
  }

  /** A message in the leave-a-message dialogue: kept for the rep, and the next question. */
  async function takeMessage(record: HandoffRecord, text: string, at: number): Promise<BotReply[]> {
    const next = nextOffline(record.offline!, text);
    record.offline = next;
    record.buyerMessages += 1;
    const out = offlineText(next, core.position(record.id)?.place ?? null, record.script);
    const lines: ChatLine[] = [{ from: 'buyer', text, at, intent: null }, { from: 'system', text: out, at: clock() }];
    core.addLines(record, lines);
    await core.mirror(record.sessionId, lines);
    await core.save(record);
    deps.hub.publish(QUEUE_CHANNEL, { type: 'upsert', record });
    return [reply(out, next.step === 'contact' ? contactChoices(record.script) : [])];
  }

  return {
    /** After a turn: opens a handoff or adds to the open one; returns what to tell the buyer besides the bot's replies. */
    async afterTurn(input: TurnInput): Promise<BotReply[]> {
      const { turn } = input;
      const record = core.openFor(turn.sessionId);
      if (record) return record.status === 'queued' ? join(record, input) : [];
      if (turn.decision?.kind !== 'handoff') return [];
      return open(input, turn.decision.reason, turn.decision.detail);
    },

    /** Before a turn: the desk's answer when a rep holds the chat or a message is being taken; null lets the bot answer. */
    async intercept(sessionId: string, text: string, at: number): Promise<BotReply[] | null> {
      const record = core.openFor(sessionId);
      if (!record) return null;
      if (record.status === 'claimed' && record.rep) return toRep(record, text, at);
      if (record.offline && record.offline.step !== 'done') return takeMessage(record, text, at);
      return null;
    },

    /** True while the chat has an open handoff (waiting or held): only then, or on a handoff decision, does a turn concern the desk. */
    hasOpen(sessionId: string): boolean {
      return core.openFor(sessionId) !== null;
    },

    /** True while a rep holds the chat (the bot must stay silent). */
    heldByRep(sessionId: string): boolean {
      return core.openFor(sessionId)?.status === 'claimed';
    },
  };
}
