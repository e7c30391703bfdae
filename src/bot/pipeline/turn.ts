/** The turn as it flows through our pipeline: the shared Turn plus the chat's state and the plan of intents. */
import type { IntentId } from '../../intents/types.js';
import type { SessionState } from '../session/state.js';
import type { Named } from '../shop/catalog.js';
import type { ChatLine, Turn } from '../types.js';

/** How the intents of a turn were found, for debugging and the trainer. */
export type IntentSource = 'model' | 'clauses' | 'followUp' | 'pending';

export interface BotTurn extends Turn {
  /** The chat's state; stages update it and the record stage saves it. */
  state: SessionState;
  /** Intents this turn answers, main first (classify sets them; follow-ups and pending questions may correct them). */
  intents: IntentId[];
  via: IntentSource;
  /** Earlier lines of this chat (for the buyer description). */
  history: ChatLine[];
  /** The courier and place the text names, looked up once by the extract stage (the shipping answer reuses them). */
  named?: Named;
  /** Set by the record stage: settles once the turn's lines and state are written (the reply need not wait for it). */
  written?: Promise<void>;
}

/** A pipeline stage: takes the turn, returns it filled a little more. */
export type Stage = (turn: BotTurn) => BotTurn | Promise<BotTurn>;
