/** Respond stage: one reply per intent of the plan, each filled from the store's data in the buyer's script. */
import type { IntentId } from '../../intents/types.js';
import type { AnswerBook } from '../answers/book.js';
import { composeReply } from '../answers/compose.js';
import { productById } from '../shop/catalog.js';
import type { ShopData } from '../shop/schema.js';
import { langOf } from '../shop/text.js';
import type { Decision } from '../types.js';
import type { BotTurn, Stage } from './turn.js';

/** At most this many replies to one message: answer all of it, but stay short. */
export const MAX_REPLIES = 3;

/** Which intents get a reply, in order. A handoff always ends with (or, to say sorry, starts with) its own reply. */
export function plan(decision: Decision, intents: IntentId[]): IntentId[] {
  const asked = intents.filter((i) => i !== 'None');
  if (decision.kind === 'clarify') return ['None'];
  if (decision.kind !== 'handoff') return asked.length > 0 ? asked : ['None'];
  // Small talk has no place beside a handoff: 再这样我就给差评了 must not also get a cheerful goodbye.
  const others = asked.filter((i) => i !== 'human' && i !== 'complaint' && i !== 'greeting' && i !== 'farewell');
  switch (decision.reason) {
    case 'not_understood_twice': return ['None'];
    case 'angry': case 'complaint': case 'bad_review_threat': return ['complaint', ...others];
    case 'compensation': return asked;
    default: return [...others.slice(0, MAX_REPLIES - 1), 'human'];
  }
}

/** Builds the respond stage. */
export function makeRespond({ shop, book }: { shop: ShopData; book: AnswerBook }): Stage {
  return function respondStage(turn: BotTurn) {
    const script = turn.script ?? 'hans';
    const decision = turn.decision!;
    const base = {
      shop, lang: langOf(script), product: productById(shop, turn.state.productId), state: turn.state,
      entities: turn.entities ?? [], text: turn.norm?.text ?? '', named: turn.named, now: turn.at, decision,
    };
    turn.replies = plan(decision, turn.intents).slice(0, MAX_REPLIES)
      .map((intent) => composeReply({ ...base, intent }, book, script, turn.state.turns));
    return turn;
  };
}
