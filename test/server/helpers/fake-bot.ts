/** A tiny in-memory Bot for transport-only tests (bad frames, limits, heartbeat), where answers do not matter. */
import { randomBytes } from 'node:crypto';
import type { Bot, ChatLine, OpenedChat, Turn } from '../../../src/bot/types.js';

/** A fake bot that echoes, remembers chats, and fails or replies twice on request. */
export interface FakeBot extends Bot {
  /** Texts handle() received, in order, per session. */
  readonly received: Map<string, string[]>;
}

/** Creates the fake: "boom" makes handle() throw, "slow" answers after 300 ms, "twice" yields two replies, "silent" none. */
export function createFakeBot(): FakeBot {
  const chats = new Map<string, ChatLine[]>();
  const received = new Map<string, string[]>();
  const welcome = { text: '亲，欢迎光临，有什么可以帮您？', intent: 'greeting' as const, quickReplies: ['尺码', '发货'] };

  return {
    received,
    async open(sessionId, buyer): Promise<OpenedChat> {
      const buyerId = buyer ?? randomBytes(18).toString('base64url');
      const known = sessionId !== undefined ? chats.get(sessionId) : undefined;
      if (sessionId !== undefined && known) return { sessionId, buyerId, resumed: true, history: [...known], welcome };
      const id = randomBytes(18).toString('base64url');
      chats.set(id, []);
      return { sessionId: id, buyerId, resumed: false, history: [], welcome };
    },
    async handle(sessionId, text): Promise<Turn> {
      if (text === 'boom') throw new Error('fake bot failure');
      if (text === 'slow') await new Promise((r) => setTimeout(r, 300));
      received.set(sessionId, [...(received.get(sessionId) ?? []), text]);
      const at = Date.now();
      const lines = chats.get(sessionId) ?? [];
      const answer = `echo: ${text}`;
      lines.push({ from: 'buyer', text, at }, { from: 'bot', text: answer, at });
      chats.set(sessionId, lines);
      const one = { text: answer, intent: null, quickReplies: [] };
      const replies = text === 'silent' ? [] : text === 'twice' ? [one, { ...one, text: 'second' }] : [one];
      return { sessionId, buyerId: sessionId, raw: text, at, replies };
    },
  };
}
