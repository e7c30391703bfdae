/**
 * Which buyer messages go to the misunderstood inbox, read from finished turns. A message goes in when the bot
 * did not understand it (None), answered it unsure, or when the buyer's next message shows the answer missed:
 * they said so (不是这个意思, 答非所问, not what i asked …) or asked for a person / got angry right after it.
 */
import type { Turn } from '../types.js';
import type { InboxReason } from './types.js';

/** Below this model score an answered message counts as unsure (None starts at 0.3; confident answers are > 0.8). */
export const LOW_CONFIDENCE = 0.6;

/** "That is not what I asked", in the ways buyers say it (on normalised text: simplified, lower case). */
const NOT_WHAT_I_ASKED = [
  /不是这个意思/, /答非所问/, /所答非所问/, /不是问这个/, /我不是问/, /我问的不是/, /我问的是/, /没问这个/, /不是这个问题/,
  /(?:你|机器人|客服)(?:根本|压根|还是)?(?:没|没有|不)(?:听|看)?懂/, /没(?:听|看)?懂我/, /听不懂人话/, /牛头不对马嘴/,
  /文不对题/, /驴唇不对马嘴/, /回答的不对/, /答的不对/, /不对题/,
  /\bnot what i (?:asked|meant|said)\b/, /\bthat'?s not (?:my question|what i)\b/, /\bnot my question\b/,
  /\byou (?:didn'?t|did not|don'?t|do not) understand\b/, /\byou misunderstood\b/, /\bwrong answer\b/,
  /\b(?:doesn'?t|does not|didn'?t|did not) answer my question\b/,
];

/** True when the buyer says the last answer missed their question. */
export function saysNotWhatIAsked(normText: string): boolean {
  return NOT_WHAT_I_ASKED.some((re) => re.test(normText));
}

/**
 * Handoffs that say the previous answer failed the buyer. Complaints, compensation and store rules are routed to a
 * person by design, whatever the bot said before, so they are not counted.
 */
const FAILED_HANDOFFS = new Set(['asked_for_human', 'angry', 'bad_review_threat']);

/** What a turn says about itself and about the buyer message before it. */
export interface TurnVerdict {
  /** Reasons to put this message in the inbox (empty: it is fine, or it is itself a complaint about the last answer). */
  self: InboxReason[];
  /** Reasons to put the previous buyer message in the inbox. */
  previous: InboxReason[];
}

/** Reads one finished turn. */
export function judgeTurn(turn: Turn, lowConfidence = LOW_CONFIDENCE): TurnVerdict {
  const text = turn.norm?.text ?? turn.raw.toLowerCase();
  const decision = turn.decision;
  const previous: InboxReason[] = [];
  const complaint = saysNotWhatIAsked(text);
  if (complaint) previous.push('not_what_i_asked');
  if (decision?.kind === 'handoff' && FAILED_HANDOFFS.has(decision.reason)) previous.push('handoff');
  // "不是这个意思" is about the last answer; it is not a new question to learn.
  if (complaint) return { self: [], previous };

  const self: InboxReason[] = [];
  const c = turn.classification;
  if (decision?.kind === 'clarify' || (decision?.kind === 'handoff' && decision.reason === 'not_understood_twice')) {
    self.push('none');
  } else if (c && c.intent !== 'None' && (decision?.kind === 'answer' || decision?.kind === 'ask')) {
    // Several intents in one message were each classified with confidence (clauses), so the whole score says little.
    const multi = (turn.extraIntents?.length ?? 0) > 0;
    if (!multi && (c.score < lowConfidence || c.ambiguous)) self.push('low_confidence');
  }
  return { self, previous };
}
