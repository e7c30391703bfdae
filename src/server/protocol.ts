/**
 * The chat wire protocol, typed once. Frames are JSON text frames on /ws/chat.
 * parseClientFrame() is the only place that checks a frame's shape; everything after it trusts the type.
 */
import type { IntentId } from '../intents/types.js';
import type { Speaker } from '../bot/types.js';
import type { FrameErrorCode } from './errors.js';

/** Longest buyer message we accept, in Unicode code points (a chat line, not an essay). */
export const MAX_TEXT_CHARS = 500;

/** Buyer → server: one chat message. */
export interface MessageFrame {
  type: 'message';
  text: string;
}

/** Everything a buyer may send. */
export type ClientFrame = MessageFrame;

/** Server → buyer, first frame of every connection: the chat id to keep, and the greeting. */
export interface WelcomeFrame {
  type: 'welcome';
  sessionId: string;
  /** The buyer's pseudonymous id; send it back as `?buyer=` on a new chat so the store knows a returning buyer. */
  buyerId: string;
  /** True when `?session=` named a chat we know and it was resumed; false for a new chat. */
  resumed: boolean;
  text: string;
  quickReplies: string[];
  at: number;
}

/** One line of an earlier conversation, as the buyer sees it. */
export interface HistoryLine {
  from: Speaker;
  text: string;
  at: number;
}

/** Server → buyer, right after a resumed welcome: the conversation so far, oldest first. */
export interface HistoryFrame {
  type: 'history';
  lines: HistoryLine[];
}

/** Server → buyer: the bot is (on: true) or is no longer (on: false) working on an answer. */
export interface TypingFrame {
  type: 'typing';
  on: boolean;
}

/** Server → buyer: one answer. A message may get several; `last` marks the final one of the turn. */
export interface ReplyFrame {
  type: 'reply';
  text: string;
  intent: IntentId | null;
  quickReplies: string[];
  at: number;
  last: boolean;
  /** Present and true when the chat was handed to a person. */
  handoff?: boolean;
  /** Who speaks, when not the bot: the rep who took the chat, or a notice (place in the queue, rep joined). */
  from?: 'rep' | 'system';
  /** The rep's display name, with `from: 'rep'`. */
  name?: string;
}

/** Server → buyer: the last frame could not be used; the connection stays open. */
export interface ErrorFrame {
  type: 'error';
  code: FrameErrorCode;
  message: string;
}

/** Everything the server sends. */
export type ServerFrame = WelcomeFrame | HistoryFrame | TypingFrame | ReplyFrame | ErrorFrame;

/** Result of checking one incoming frame at the edge. */
export type ParseResult =
  | { ok: true; frame: ClientFrame }
  | { ok: false; error: ErrorFrame };

/** Human-readable messages for each frame error (Chinese first: most buyers read it). */
const MESSAGES: Record<FrameErrorCode, string> = {
  bad_json: '消息格式不对 (frame is not valid JSON)',
  bad_frame: '消息格式不对 (frame must be a JSON object with a "type")',
  unknown_type: '不认识的消息类型 (unknown frame type)',
  missing_text: '消息缺少文字 (message frame needs a "text" string)',
  empty_text: '消息是空的 (message text is empty)',
  text_too_long: `消息太长了，请分几条发送 (text over ${MAX_TEXT_CHARS} characters)`,
  binary_frame: '只支持文字消息 (binary frames are not accepted)',
  rate_limited: '发得太快了，请稍等再发 (too many messages, slow down)',
  bot_failed: '客服暂时没能回答，请再发一次 (the bot failed on this message)',
};

/** Builds the error frame for a code. */
export function errorFrame(code: FrameErrorCode): ErrorFrame {
  return { type: 'error', code, message: MESSAGES[code] };
}

function fail(code: FrameErrorCode): ParseResult {
  return { ok: false, error: errorFrame(code) };
}

/** Counts code points without building an array when the UTF-16 length already settles it. */
function tooLong(text: string): boolean {
  if (text.length <= MAX_TEXT_CHARS) return false;
  if (text.length > MAX_TEXT_CHARS * 2) return true;
  let n = 0;
  for (const _ of text) if (++n > MAX_TEXT_CHARS) return true;
  return false;
}

/** Checks one text frame from a buyer; returns the typed frame (text trimmed) or the error to send back. */
export function parseClientFrame(data: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return fail('bad_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('bad_frame');
  const obj = value as Record<string, unknown>;
  if (typeof obj.type !== 'string') return fail('bad_frame');
  if (obj.type !== 'message') return fail('unknown_type');
  if (typeof obj.text !== 'string') return fail('missing_text');
  const text = obj.text.trim();
  if (text === '') return fail('empty_text');
  if (tooLong(text)) return fail('text_too_long');
  return { ok: true, frame: { type: 'message', text } };
}
