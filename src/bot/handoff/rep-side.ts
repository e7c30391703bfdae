/**
 * The reps' side of the desk: claim a waiting chat (one rep only), reply, tag, keep a private note, and close
 * with an outcome, after which the bot answers again. Every action checks that the rep holds the chat.
 */
import type { ChatLine } from '../types.js';
import { repJoinedText, repLeftText } from './buyer-texts.js';
import type { DeskCore } from './core.js';
import { HandoffError } from './errors.js';
import { buyerChannel, QUEUE_CHANNEL, repChannel } from './hub.js';
import { nextServiceMs } from './queue.js';
import { OUTCOMES, type HandoffRecord, type Outcome, type RepRef } from './types.js';

/** Longest rep reply, private note and tag. */
export const LIMITS = { reply: 1000, note: 2000, tag: 20, tags: 20 } as const;

function clean(text: unknown, max: number, what: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new HandoffError('bad_input', `${what} is required`);
  const trimmed = text.trim();
  if (trimmed.length > max) throw new HandoffError('bad_input', `${what} is longer than ${max} characters`);
  return trimmed;
}

/** Builds the rep side over the desk's core. */
export function repSide(core: DeskCore) {
  const { deps, clock } = core;

  function find(id: string): HandoffRecord {
    const record = core.records.get(id);
    if (!record) throw new HandoffError('handoff_not_found', 'no open handoff with this id');
    return record;
  }

  function held(id: string, rep: RepRef): HandoffRecord {
    const record = find(id);
    if (record.status !== 'claimed' || record.rep?.user !== rep.user) throw new HandoffError('not_your_chat', 'claim this chat first');
    return record;
  }

  /** Sends a line to the buyer's socket and keeps it in the chat's history. */
  async function toBuyer(record: HandoffRecord, line: ChatLine, name?: string): Promise<void> {
    core.addLines(record, [line]);
    deps.hub.publish(buyerChannel(record.sessionId), { type: 'say', line, ...(name ? { name } : {}) });
    await core.mirror(record.sessionId, [line]);
  }

  return {
    /** Takes a waiting chat. The check and the change happen in one synchronous step, so two reps never both win. */
    async claim(id: string, rep: RepRef): Promise<HandoffRecord> {
      const record = find(id);
      if (record.status === 'claimed') {
        if (record.rep?.user === rep.user) return record;
        throw new HandoffError('already_claimed', `${record.rep?.name ?? 'another rep'} has this chat`);
      }
      record.status = 'claimed';
      record.rep = { user: rep.user, name: rep.name };
      record.claimedAt = clock();
      // The rep is here now: the leave-a-message dialogue is over.
      if (record.offline && record.offline.step !== 'done') record.offline = { ...record.offline, step: 'done' };
      core.told.delete(record.id);
      await toBuyer(record, { from: 'system', text: repJoinedText(rep.name, record.script), at: clock() });
      await core.save(record);
      core.publishQueue(record);
      core.notifyWaiting();
      return record;
    },

    /** A rep's reply, relayed to the buyer at once. */
    async reply(id: string, rep: RepRef, text: unknown): Promise<ChatLine> {
      const record = held(id, rep);
      const line: ChatLine = { from: 'rep', text: clean(text, LIMITS.reply, 'reply'), at: clock() };
      await toBuyer(record, line, rep.name);
      await core.save(record);
      deps.hub.publish(repChannel(rep.user), { type: 'line', id, line });
      return line;
    },

    /** Adds a tag for marketing (each once). */
    async tag(id: string, rep: RepRef, tag: unknown): Promise<HandoffRecord> {
      const record = held(id, rep);
      const t = clean(tag, LIMITS.tag, 'tag');
      if (!record.repTags.includes(t)) {
        if (record.repTags.length >= LIMITS.tags) throw new HandoffError('bad_input', `at most ${LIMITS.tags} tags`);
        record.repTags.push(t);
      }
      await core.save(record);
      core.publishToHolder(record);
      return record;
    },

    /** Removes a tag the rep added. */
    async untag(id: string, rep: RepRef, tag: unknown): Promise<HandoffRecord> {
      const record = held(id, rep);
      record.repTags = record.repTags.filter((t) => t !== tag);
      await core.save(record);
      core.publishToHolder(record);
      return record;
    },

    /** Replaces the private note (never shown to the buyer). */
    async setPrivateNote(id: string, rep: RepRef, text: unknown): Promise<HandoffRecord> {
      const record = held(id, rep);
      if (typeof text !== 'string' || text.length > LIMITS.note) throw new HandoffError('bad_input', `note must be text up to ${LIMITS.note} characters`);
      record.privateNote = text;
      await core.save(record);
      core.publishToHolder(record);
      return record;
    },

    /** Ends the chat with an outcome; the buyer is told and the bot answers again. */
    async close(id: string, rep: RepRef, outcome: unknown): Promise<HandoffRecord> {
      const record = held(id, rep);
      if (!OUTCOMES.includes(outcome as Outcome)) throw new HandoffError('bad_input', `outcome must be one of ${OUTCOMES.join(', ')}`);
      record.status = 'closed';
      record.outcome = outcome as Outcome;
      record.closedAt = clock();
      if (record.claimedAt !== undefined) core.serviceMs = nextServiceMs(core.serviceMs, record.closedAt - record.claimedAt);
      await toBuyer(record, { from: 'system', text: repLeftText(deps.shop, record.script), at: clock() });
      core.records.delete(id);
      if (core.bySession.get(record.sessionId) === id) core.bySession.delete(record.sessionId);
      await core.save(record);
      await releaseChat(record);
      deps.hub.publish(buyerChannel(record.sessionId), { type: 'ended' });
      deps.hub.publish(QUEUE_CHANNEL, { type: 'removed', id });
      core.notifyWaiting();
      return record;
    },
  };

  /** The chat is the bot's again: its handoff mark is cleared (so a new problem can go to a person) and rep tags kept. */
  async function releaseChat(record: HandoffRecord): Promise<void> {
    const chats = deps.chats;
    if (!chats) return;
    const chat = await chats.get(record.sessionId);
    if (!chat) return;
    const known = new Set(chat.state.tags.map((t) => t.tag));
    const added = record.repTags.filter((t) => !known.has(t)).map((tag) => ({ tag, source: 'rep' as const }));
    await chats.saveState(record.sessionId, { ...chat.state, handoff: null, tags: [...chat.state.tags, ...added] });
  }
}
