/** The conversation engine: opens chats and runs each buyer message through the pipeline. */
import { randomUUID } from 'node:crypto';
import type { Nlu } from '../intents/types.js';
import { loadAnswers, type AnswerBook } from './answers/book.js';
import { composeReply } from './answers/compose.js';
import type { TagRule } from './extract/tags.js';
import {
  makeClassify, makeDecide, makeExtract, makeNormalise, makeRecord, makeRespond, runPipeline, type BotTurn,
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
  /** Called with every finished turn, after it is recorded (tag log, misunderstood inbox, handoff queue …). */
  observers?: TurnObserver[];
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
function publicTurn({ state: _state, intents: _intents, via: _via, history: _history, ...turn }: BotTurn): Turn {
  return turn;
}

/** Builds the Bot the server talks to. */
export function createBot(deps: BotDeps): Bot {
  const { nlu, store, shop } = deps;
  const clock = deps.clock ?? Date.now;
  const book = deps.answers ?? loadAnswers(deps.trainingDir ?? 'training');
  const stages = [
    makeNormalise({ nlu }), makeClassify({ nlu }), makeExtract({ nlu, shop, rules: deps.rules ?? [] }),
    makeDecide({ shop }), makeRespond({ shop, book }), makeRecord({ store }),
  ];
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

  return {
    async open(sessionId, buyerId) {
      const { record, resumed } = await chatFor(sessionId, buyerId);
      const reply = welcome(record, resumed);
      const opened = { sessionId: record.id, buyerId: record.buyerId, resumed, welcome: reply };
      if (resumed) return { ...opened, history: await store.history(record.id) };
      await store.append(record.id, [{ from: 'bot', text: reply.text, at: clock(), intent: 'greeting' }]);
      return { ...opened, history: [] };
    },

    async handle(sessionId, text) {
      const { record } = await chatFor(sessionId);
      return serial(record.id, async () => {
        const at = clock();
        const taken = await deps.intercept?.({ sessionId: record.id, text, at });
        if (taken) return { sessionId: record.id, buyerId: record.buyerId, raw: text, at, replies: taken };
        // Re-read inside the queue: the message before this one may have changed the state.
        const fresh = (await store.get(record.id)) ?? record;
        const turn: BotTurn = {
          sessionId: fresh.id, buyerId: fresh.buyerId, raw: text, at, state: fresh.state,
          intents: [], via: 'model', history: await store.history(fresh.id, { last: HISTORY_LOOKBACK }),
        };
        const done = await runPipeline(stages, turn);
        for (const observe of deps.observers ?? []) {
          try {
            await observe(done);
          } catch (err) {
            (deps.log ?? console.error)(`turn observer failed for chat ${done.sessionId}`, err);
          }
        }
        return publicTurn(done);
      });
    },
  };
}
