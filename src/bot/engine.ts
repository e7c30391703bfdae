/** The conversation engine: opens chats and runs each buyer message through the pipeline. */
import { randomUUID } from 'node:crypto';
import type { Nlu } from '../intents/types.js';
import { loadAnswers, type AnswerBook } from './answers/book.js';
import { composeReply } from './answers/compose.js';
import type { TagRule } from './extract/tags.js';
import {
  createBatchRunner, makeClassify, makeDecide, makeExtract, makeNormalise, makeRecord, makeRespond, type BotTurn,
} from './pipeline/index.js';
import { productById } from './shop/catalog.js';
import type { ShopData } from './shop/schema.js';
import { langOf } from './shop/text.js';
import { isSessionId } from './session/ids.js';
import { newState } from './session/state.js';
import type { ChatStore, SessionRecord } from './store/types.js';
import type { Bot, BotReply, Turn } from './types.js';

export interface BotDeps {
  nlu: Nlu;
  store: ChatStore;
  shop: ShopData;
  /** Epoch milliseconds; tests pass a fixed clock. */
  clock?: () => number;
  /** Trainer tag rules (data/tag-rules.json, via loadTagRules). */
  rules?: TagRule[];
  /** Reply templates; read from `trainingDir` (default ./training) when not given. */
  answers?: AnswerBook;
  trainingDir?: string;
  /**
   * Called with every finished turn before its reply is handed back; they may add to the replies (the handoff
   * queue says the buyer's place). The turn's lines are in the store (in memory; the write may still be under way).
   */
  observers?: TurnObserver[];
  /**
   * Called with every finished turn after its reply is handed back (misunderstood inbox, marketing tag log): work
   * the buyer need not wait for. Still in the chat's queue, so in order; the turn's lines may still be on their way
   * to the disk (the next message of the chat waits for them).
   */
  afterReply?: TurnObserver[];
  /** Where an observer's failure is reported; it never fails the buyer's turn. */
  log?: (message: string, err?: unknown) => void;
  /** Asked before the pipeline: replies (maybe none) when someone else answers this chat (a rep holds it); null lets the bot answer. */
  intercept?: TurnInterceptor;
}

/** Takes a buyer message away from the bot (handoff: a rep holds the chat, or a message is being left for one). */
export type TurnInterceptor = (message: { sessionId: string; text: string; at: number }) => Promise<BotReply[] | null>;

/** Sees each finished turn with the chat's state and recent history; runs in the chat's queue, in order. */
export type TurnObserver = (turn: BotTurn) => void | Promise<void>;

/** Earlier lines a turn reads (the buyer description looks for hurry in them); bounded so turns stay cheap. */
const HISTORY_LOOKBACK = 30;

/** Fields of our internal turn that are not part of the shared Turn. */
function publicTurn({ state: _state, intents: _intents, via: _via, history: _history, named: _named, ...turn }: BotTurn): Turn {
  return turn;
}

/** The engine's Bot, plus a way to wait until every turn's after-reply work and writes are done (graceful stop). */
export interface EngineBot extends Bot {
  /** Resolves once no chat has a turn in progress (replies sent, lines written, observers run). */
  idle(): Promise<void>;
}

/** Builds the Bot the server talks to. */
export function createBot(deps: BotDeps): EngineBot {
  const { nlu, store, shop } = deps;
  const clock = deps.clock ?? Date.now;
  const book = deps.answers ?? loadAnswers(deps.trainingDir ?? 'training');
  // Turns of the same loop turn go through the stages together (see pipeline/batch.ts).
  const runPipeline = createBatchRunner([
    makeNormalise({ nlu }), makeClassify({ nlu }), makeExtract({ nlu, shop, rules: deps.rules ?? [] }),
    makeDecide({ shop }), makeRespond({ shop, book }), makeRecord({ store }),
  ]);
  const queues = new Map<string, Promise<unknown>>();

  /** One message per chat at a time, so two quick messages do not both read the same old state. */
  function serial<T>(id: string, job: () => Promise<T>): Promise<T> {
    const next = (queues.get(id) ?? Promise.resolve()).then(job, job);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(function dropIdleQueue() { if (queues.get(id) === settled) queues.delete(id); });
    return next;
  }

  /** The chat behind an id, or a new one: an unknown, malformed or foreign id never exposes another chat. */
  async function chatFor(id: string | undefined, buyer?: string): Promise<{ record: SessionRecord; resumed: boolean }> {
    const found = isSessionId(id) ? await store.get(id) : null;
    if (found) return { record: found, resumed: true };
    const at = clock();
    // Buyer ids have the session ids' shape, so a remembered one is checked the same way before it is used.
    const buyerId = isSessionId(buyer) ? buyer : randomUUID();
    const state = { ...newState(shop.featured), priorChats: await store.countChats(buyerId) };
    const record = await store.create({ buyerId, createdAt: at, state });
    return { record, resumed: false };
  }

  function welcome(record: SessionRecord, resumed: boolean): BotReply {
    const { state } = record;
    const script = state.script;
    const ctx = {
      shop, lang: langOf(script), product: productById(shop, state.productId), state, resumed,
      entities: [], text: '', now: clock(), intent: 'greeting' as const, decision: { kind: 'answer' as const, intents: ['greeting' as const] },
    };
    return composeReply(ctx, book, script, 0);
  }

  const log = deps.log ?? console.error;

  /** Runs observers in order; a failing one is reported and never fails the turn. */
  async function notify(observers: TurnObserver[] | undefined, turn: BotTurn): Promise<void> {
    for (const observe of observers ?? []) {
      try {
        await observe(turn);
      } catch (err) {
        log(`turn observer failed for chat ${turn.sessionId}`, err);
      }
    }
  }

  /**
   * One message, inside the chat's queue. The reply is handed back as soon as the turn is decided and its lines
   * are handed to the store; the write and the after-reply observers finish in the queue, so the chat's next
   * message still sees this turn complete. Reading the chat here (not before queueing) reads its state once.
   */
  async function runTurn(sessionId: string, text: string, reply: (turn: Turn) => void): Promise<void> {
    const { record } = await chatFor(sessionId);
    const at = clock();
    const taken = await deps.intercept?.({ sessionId: record.id, text, at });
    if (taken) return reply({ sessionId: record.id, buyerId: record.buyerId, raw: text, at, replies: taken });
    const turn: BotTurn = {
      sessionId: record.id, buyerId: record.buyerId, raw: text, at, state: record.state,
      intents: [], via: 'model', history: await store.history(record.id, { last: HISTORY_LOOKBACK }),
    };
    const done = await runPipeline(turn);
    await notify(deps.observers, done);
    reply(publicTurn(done));
    // The caller sends the reply in this tick's microtasks; the rest waits for the check phase, after it. All turns
    // of a tick reach the observers in the same phase, so their own writes (tag log) still share one write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await notify(deps.afterReply, done);
    try {
      await done.written;
    } catch (err) {
      log(`chat ${done.sessionId}: a turn's lines could not be written`, err);
    }
  }

  return {
    async open(sessionId, buyerId) {
      const { record, resumed } = await chatFor(sessionId, buyerId);
      const reply = welcome(record, resumed);
      const opened = { sessionId: record.id, buyerId: record.buyerId, resumed, welcome: reply };
      if (resumed) return { ...opened, history: await store.history(record.id) };
      await store.append(record.id, [{ from: 'bot', text: reply.text, at: clock(), intent: 'greeting' }]);
      return { ...opened, history: [] };
    },

    handle(sessionId, text) {
      return new Promise<Turn>((reply, fail) => {
        void serial(sessionId, () => runTurn(sessionId, text, reply).catch(fail));
      });
    },

    async idle() {
      while (queues.size > 0) await Promise.all(queues.values());
    },
  };
}
