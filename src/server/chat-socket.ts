/** One buyer's WebSocket: opens or resumes the chat, checks each frame at the edge, and relays the bot's answers. */
import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import type { Bot, OpenedChat, Turn } from '../bot/types.js';
import { CLOSE } from './errors.js';
import { errorFrame, parseClientFrame, type HistoryLine, type ServerFrame } from './protocol.js';
import { createRateLimiter, type RateLimitConfig } from './rate-limit.js';

/** What a chat socket needs from the server. */
export interface ChatSocketDeps {
  bot: Bot;
  rateLimit: RateLimitConfig;
  /** Milliseconds an answer may take before the buyer is sent a typing frame. */
  typingDelayMs: number;
  clock: () => number;
  log: (message: string, err?: unknown) => void;
  /** Frames pushed to this chat outside its turns (a rep's replies); returns the function that stops them. */
  live?: LiveFeed;
}

/** Subscribes a buyer's socket to pushes for its own chat only. */
export type LiveFeed = (sessionId: string, push: (frame: ServerFrame) => void) => () => void;

/** Session ids we pass to the bot at all; anything else is treated as no id (a new chat). */
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Reads `?session=` (or another id parameter, e.g. `buyer`) from the upgrade request; a malformed value counts as absent. */
export function sessionFromUrl(url: string | undefined, param = 'session'): string | undefined {
  const value = new URL(url ?? '/', 'http://localhost').searchParams.get(param);
  return value !== null && SESSION_ID.test(value) ? value : undefined;
}

function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

function sendOpened(ws: WebSocket, chat: OpenedChat, at: number): void {
  const { welcome } = chat;
  send(ws, {
    type: 'welcome', sessionId: chat.sessionId, buyerId: chat.buyerId, resumed: chat.resumed,
    text: welcome.text, quickReplies: welcome.quickReplies, at,
  });
  if (chat.resumed) {
    const lines: HistoryLine[] = chat.history.map((l) => ({ from: l.from, text: l.text, at: l.at }));
    send(ws, { type: 'history', lines });
  }
}

function sendTurn(ws: WebSocket, turn: Turn, at: number): void {
  const replies = turn.replies ?? [];
  if (replies.length === 0) {
    send(ws, { type: 'typing', on: false });
    return;
  }
  const handoff = turn.decision?.kind === 'handoff';
  replies.forEach((r, i) => {
    const last = i === replies.length - 1;
    send(ws, {
      type: 'reply', text: r.text, intent: r.intent, quickReplies: r.quickReplies, at, last,
      ...(last && handoff ? { handoff: true } : {}),
    });
  });
}

/** Serves one connection until it closes. Messages are answered one at a time, in the order sent. */
export function handleChatSocket(ws: WebSocket, req: IncomingMessage, deps: ChatSocketDeps): void {
  const { bot, clock, log } = deps;
  const rateLimit = createRateLimiter(deps.rateLimit, clock);
  let sessionId: string | null = null;
  let stopLive: (() => void) | undefined;
  // Every bot call hangs off this chain, so a message that arrives while the chat is still opening waits for it.
  let chain: Promise<void> = bot.open(sessionFromUrl(req.url), sessionFromUrl(req.url, 'buyer')).then(
    function chatOpened(chat) {
      sessionId = chat.sessionId;
      sendOpened(ws, chat, clock());
      if (ws.readyState === WebSocket.OPEN) stopLive = deps.live?.(chat.sessionId, (frame) => send(ws, frame));
    },
    function openFailed(err: unknown) {
      log('chat open failed', err);
      ws.close(CLOSE.internal, 'internal');
    },
  );

  let typingTimer: NodeJS.Timeout | undefined;
  function showTyping(): void {
    send(ws, { type: 'typing', on: true });
  }

  async function answer(text: string): Promise<void> {
    if (sessionId === null || ws.readyState !== WebSocket.OPEN) return;
    // Most answers are ready in well under a millisecond; announce typing only for the slow ones, so a fast turn
    // costs one frame, not two. (The widget shows its own dots the moment the buyer sends.)
    typingTimer = setTimeout(showTyping, deps.typingDelayMs);
    try {
      const turn = await bot.handle(sessionId, text);
      clearTimeout(typingTimer);
      sendTurn(ws, turn, clock());
    } catch (err) {
      clearTimeout(typingTimer);
      log('bot failed on a message', err);
      send(ws, errorFrame('bot_failed'));
    }
  }

  ws.on('close', function chatClosed() {
    clearTimeout(typingTimer);
    stopLive?.();
  });

  ws.on('message', function chatMessage(data: RawData, isBinary: boolean) {
    const verdict = rateLimit();
    if (verdict === 'close') {
      ws.close(CLOSE.policy, 'flooding');
      return;
    }
    if (verdict === 'refuse') return send(ws, errorFrame('rate_limited'));
    if (isBinary) return send(ws, errorFrame('binary_frame'));
    const parsed = parseClientFrame(data.toString());
    if (!parsed.ok) return send(ws, parsed.error);
    const { text } = parsed.frame;
    chain = chain.then(() => answer(text));
  });

  ws.on('error', function chatSocketError(err) {
    // ws closes the socket itself (1007 bad UTF-8, 1009 too big …); we only note it.
    log('chat socket error', err);
  });
}
