/** Types of the conversation layer: the turn that flows through the pipeline, and what the bot returns. */
import type { Classification, Entity, IntentId, Normalised, Script } from '../intents/types.js';

/** Who wrote a line of a chat. */
export type Speaker = 'buyer' | 'bot' | 'rep' | 'system';

/** One stored line of a conversation. */
export interface ChatLine {
  from: Speaker;
  text: string;
  /** Epoch milliseconds. */
  at: number;
  intent?: IntentId | null;
}

/** The buyer's mood, from our own Chinese/English lexicon (node-nlp has no Chinese sentiment). */
export type Mood = 'angry' | 'upset' | 'neutral' | 'happy';

/** Why a chat goes to a person. */
export type HandoffReason =
  | 'asked_for_human' | 'angry' | 'complaint' | 'bad_review_threat' | 'compensation'
  | 'not_understood_twice' | 'store_rule';

/** A tag a message or chat yields, e.g. 母婴, 送礼, 身高170, 偏好黑色. */
export interface TagHit {
  tag: string;
  source: 'rule' | 'model' | 'rep';
  /** Entity kind or keyword that produced the tag, for the trainer. */
  because?: string;
}

/** Short description of who the buyer is, for the rep's note. */
export interface BuyerType {
  /** first-time inquirer or returning customer (from history with the store). */
  returning: boolean;
  memberLevel: string | null;
  /** gift for someone else, or for self. */
  buyingFor: 'self' | 'gift' | 'unknown';
  giftFor?: string;
  priceSensitive: boolean;
  inAHurry: boolean;
  angry: boolean;
  /** How many buyer messages in this chat so far. */
  messages: number;
  /** A one-line label for the note, e.g. "回头客 · 送礼(送女友) · 着急". */
  label: string;
}

/** What hurts, in a few words (尺码不合适, 色差, 发货慢, 包裹破损, 质量问题, 价格 …) and the scene. */
export interface PainPoint {
  label: string;
  scene?: string;
}

/** The decision stage's verdict for a turn. */
export type Decision =
  | { kind: 'answer'; intents: IntentId[] }
  | { kind: 'ask'; intent: IntentId; slot: string }
  | { kind: 'clarify' }
  | { kind: 'handoff'; reason: HandoffReason; detail?: string };

/** One reply the bot sends back. */
export interface BotReply {
  text: string;
  intent: IntentId | null;
  quickReplies: string[];
}

/** The unit of work of the pipeline: every stage takes the turn and returns it, filled a little more. */
export interface Turn {
  sessionId: string;
  buyerId: string;
  raw: string;
  at: number;
  norm?: Normalised;
  classification?: Classification;
  /** Extra intents when the message asks several things (有黑色吗 什么时候发货). */
  extraIntents?: IntentId[];
  entities?: Entity[];
  tags?: TagHit[];
  mood?: Mood;
  buyerType?: BuyerType;
  painPoint?: PainPoint | null;
  decision?: Decision;
  replies?: BotReply[];
  script?: Script;
}

/** A chat as opened on connect: new, or resumed with its history. */
export interface OpenedChat {
  sessionId: string;
  /** The buyer's own pseudonymous id: the widget keeps it and sends it back, so later chats know a returning buyer. */
  buyerId: string;
  resumed: boolean;
  history: ChatLine[];
  welcome: BotReply;
}

/** The conversation engine the server talks to. Built by createBot() in src/bot/engine.ts. */
export interface Bot {
  /**
   * Opens a chat. An unknown, malformed or foreign id starts a new chat instead of exposing one. A new chat takes the
   * buyer id the widget remembered (when well-formed), so the store can tell a returning buyer; a buyer id never
   * opens a chat by itself.
   */
  open(sessionId: string | undefined, buyerId?: string): Promise<OpenedChat>;
  /** Runs one buyer message through the pipeline and returns the finished turn (replies, decision, tags …). */
  handle(sessionId: string, text: string): Promise<Turn>;
}
