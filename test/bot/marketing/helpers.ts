/** A real bot (real model, trainer tag rules) wired to the marketing log, on a clock the test moves. */
import { join } from 'node:path';
import { createBot } from '../../../src/bot/engine.js';
import { loadTagRules } from '../../../src/bot/extract/tags.js';
import { openMarketing, type Marketing } from '../../../src/bot/marketing/index.js';
import { createMemoryTagStore } from '../../../src/bot/marketing/store/memory.js';
import type { TagStore } from '../../../src/bot/marketing/types.js';
import { createMemoryStore } from '../../../src/bot/store/memory.js';
import type { Bot, Turn } from '../../../src/bot/types.js';
import { MORNING, ROOT, testBook, testNlu, testShop } from '../helpers.js';

export const DAY = 86_400_000;
export const RULES = loadTagRules(join(ROOT, 'data', 'tag-rules.json'));

/** A clock that stands still until moved. */
export interface TestClock {
  (): number;
  set(at: number): void;
  /** Moves to `days` after the start (MORNING, 10:00 Beijing time). */
  day(days: number): void;
}

export function testClock(start = MORNING): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.set = (at) => { now = at; };
  clock.day = (days) => { now = start + days * DAY; };
  return clock;
}

/** The pieces a marketing test needs. */
export interface Rig {
  bot: Bot;
  marketing: Marketing;
  clock: TestClock;
  /** Opens a chat, sends the messages, logs every turn; returns the turns. */
  chat(messages: string[]): Promise<Turn[]>;
  /** Sends more messages in an open chat. */
  say(sessionId: string, messages: string[]): Promise<Turn[]>;
}

/** Builds the rig on a fresh (or given) tag store. */
export async function rig(store: TagStore = createMemoryTagStore(), clock = testClock()): Promise<Rig> {
  const bot = createBot({ nlu: await testNlu(), store: createMemoryStore(), shop: testShop(), answers: testBook(), clock, rules: RULES });
  const marketing = await openMarketing({ store, clock });
  async function say(sessionId: string, messages: string[]): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (const m of messages) {
      const turn = await bot.handle(sessionId, m);
      await marketing.recordTurn(turn);
      turns.push(turn);
    }
    return turns;
  }
  return {
    bot, marketing, clock, say,
    async chat(messages) {
      const { sessionId } = await bot.open(undefined);
      return say(sessionId, messages);
    },
  };
}

/** The tag names of a buyer's profile. */
export function tagsOf(marketing: Marketing, buyerId: string): string[] {
  return marketing.profile(buyerId)?.tags.map((t) => t.tag) ?? [];
}
