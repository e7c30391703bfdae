/** Fixtures for handoff tests: real turns from the real bot, and a desk over an in-memory or lowdb store. */
import { createHandoffDesk, type TurnInput } from '../../../src/bot/handoff/desk.js';
import { createLocalHub, type Hub, type HubMessage } from '../../../src/bot/handoff/hub.js';
import { createMemoryHandoffStore } from '../../../src/bot/handoff/store/memory.js';
import type { HandoffStore } from '../../../src/bot/handoff/store/types.js';
import type { ChatStore } from '../../../src/bot/store/types.js';
import type { Bot } from '../../../src/bot/types.js';
import { MORNING, testBot, testShop } from '../helpers.js';

/** Sends the messages in one new chat and returns what the desk sees after the last one. */
export async function turnAfter(bot: Bot, store: ChatStore, messages: string[], sessionId?: string): Promise<TurnInput> {
  const id = sessionId ?? (await bot.open(undefined)).sessionId;
  let turn = await bot.handle(id, messages[0]!);
  for (const m of messages.slice(1)) turn = await bot.handle(id, m);
  const record = await store.get(id);
  return { turn, state: record!.state, history: await store.history(id) };
}

/** Records every message published on a channel. */
export function listen(hub: Hub, channel: string): HubMessage[] {
  const got: HubMessage[] = [];
  hub.subscribe(channel, (m) => got.push(m));
  return got;
}

/** A real bot, its chat store, a hub and a loaded desk on a settable clock. */
export async function deskFixture(opts: { store?: HandoffStore; log?: (message: string, err?: unknown) => void; saveLaterMs?: number } = {}) {
  let now = MORNING;
  const clock = () => now;
  const { bot, store: chats } = await testBot({ clock });
  const hub = createLocalHub((err) => { throw err; });
  const store = opts.store ?? createMemoryHandoffStore();
  const desk = createHandoffDesk({
    store, hub, shop: testShop(), chats, clock, ...(opts.log ? { log: opts.log } : {}),
    ...(opts.saveLaterMs !== undefined ? { saveLaterMs: opts.saveLaterMs } : {}),
  });
  await desk.load();
  return {
    bot, chats, hub, store, desk, clock,
    advance(ms: number) { now += ms; },
    /** Runs messages in a new chat and hands the finished turn to the desk, as the turn observer does. */
    async chat(messages: string[]) {
      const input = await turnAfter(bot, chats, messages);
      const extra = await desk.afterTurn(input);
      return { ...input, extra, sessionId: input.turn.sessionId };
    },
  };
}
