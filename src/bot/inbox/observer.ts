/**
 * Feeds the inbox from finished turns. It remembers each chat's last buyer message (bounded), because whether an
 * answer missed often shows only in the buyer's next message. Runs on the chat path, so it does only cheap work
 * synchronously and never lets an inbox failure reach the buyer.
 */
import { maskPii } from '../../intents/mask.js';
import type { Turn } from '../types.js';
import { judgeTurn, LOW_CONFIDENCE } from './detect.js';
import type { Inbox, NewInboxItem } from './index.js';
import type { InboxReason } from './types.js';

/** What an inbox item needs of a message: kept instead of the whole turn (its look-back, state, replies …). */
type Message = Pick<Turn, 'sessionId' | 'raw' | 'norm' | 'at' | 'classification'>;

/** The last buyer message of a chat, and (once written) the id of its inbox item. */
interface LastMessage {
  item: Promise<string | null>;
  turn: Message;
}

/**
 * The parts of a turn the next one may need. Held until the chat's next message, which under load is long enough
 * for V8 to move it to the old generation: the whole turn there was ~10 KB of garbage a message to mark later.
 */
function messageOf({ sessionId, raw, norm, at, classification }: Turn): Message {
  return { sessionId, raw, norm, at, classification };
}

/** Options of the observer. */
export interface InboxObserverOptions {
  inbox: Inbox;
  /** Version of the model that answered (read at each turn: it changes on retrain). */
  modelVersion: () => string;
  lowConfidence?: number;
  /** Chats remembered at once; the oldest are forgotten first. */
  maxChats?: number;
  /** The next message only says something about the last one within this time (ms). */
  followWithinMs?: number;
  onError?: (err: unknown) => void;
}

/** Something that is told about every finished turn. */
export type TurnListener = (turn: Turn) => void;

/** Creates the observer; call it with every finished turn of every chat. */
export function createInboxObserver(opts: InboxObserverOptions): TurnListener {
  const { inbox, modelVersion } = opts;
  const low = opts.lowConfidence ?? LOW_CONFIDENCE;
  const maxChats = opts.maxChats ?? 10_000;
  const followWithin = opts.followWithinMs ?? 30 * 60_000;
  const onError = opts.onError ?? ((err: unknown) => console.error('[inbox] could not record a message', err));
  const last = new Map<string, LastMessage>();

  function itemFor(turn: Message, reasons: InboxReason[], version: string): NewInboxItem {
    const c = turn.classification;
    return {
      sessionId: turn.sessionId, text: maskPii(turn.raw), norm: maskPii(turn.norm?.text ?? turn.raw.toLowerCase()), at: turn.at,
      reasons, intent: c?.intent ?? 'None', score: c?.score ?? 0, modelVersion: version,
    };
  }

  /** Writes an item; a failure is reported and leaves no id (the chat goes on either way). */
  const write = (job: Promise<string>): Promise<string | null> => job.catch((err: unknown) => { onError(err); return null; });

  return function observeTurn(turn) {
    const verdict = judgeTurn(turn, low);
    const prev = last.get(turn.sessionId);
    if (prev && verdict.previous.length > 0 && turn.at - prev.turn.at <= followWithin) {
      const reasons = verdict.previous;
      const { turn: earlier } = prev;
      const version = modelVersion();
      // Chained on the earlier write, so the reason lands on its item even if that write is still under way.
      prev.item = prev.item.then((id) => write(id
        ? inbox.addReasons(id, reasons).then(() => id)
        : inbox.record(itemFor(earlier, reasons, version)).then((i) => i.id)));
    }
    // A complaint about the last answer is not itself a question: the message before it stays the one in question.
    if (verdict.self.length === 0 && verdict.previous.includes('not_what_i_asked')) return;
    const item = verdict.self.length > 0
      ? write(inbox.record(itemFor(turn, verdict.self, modelVersion())).then((i) => i.id))
      : Promise.resolve(null);
    last.delete(turn.sessionId);
    last.set(turn.sessionId, { item, turn: messageOf(turn) });
    if (last.size > maxChats) last.delete(last.keys().next().value!);
  };
}
