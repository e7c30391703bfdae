/** Turns an intent plus its context into one finished reply: template, values, script, quick replies. */
import { toScript } from '../../intents/normalise.js';
import type { IntentId, Script } from '../../intents/types.js';
import type { BotReply } from '../types.js';
import type { AnswerBook } from './book.js';
import { commonVars, type AnswerContext } from './context.js';
import { render } from './render.js';
import { VARS } from './vars/index.js';

/** Last resort when neither the intent nor None has templates (a trainer removed them): never send nothing. */
const FALLBACK = {
  zh: '亲，这个问题{{persona}}记下了，点下面的常见问题看看，或者换个说法告诉我好吗？',
  en: 'Got it, {{persona}} has noted that. Could you put it another way, or tap one of the questions below?',
};

function templatesFor(book: AnswerBook, intent: IntentId, script: Script): string[] | null {
  const answers = book.get(intent);
  if (!answers) return null;
  if (script === 'en') return answers.en;
  return (script === 'hant' ? answers['zh-Hant'] : undefined) ?? answers['zh-Hans'];
}

/** Quick replies after an intent, in the buyer's language; the store's top questions when none are set. */
export function quickRepliesFor(ctx: AnswerContext, intent: IntentId | 'top', script: Script): string[] {
  const { quickReplies } = ctx.shop;
  const list = (intent !== 'top' ? quickReplies.next[intent] : undefined) ?? quickReplies.top;
  const texts = (list.length > 0 ? list : quickReplies.top).map((t) => t[ctx.lang]);
  return script === 'hant' ? texts.map((t) => toScript(t, 'hant')) : texts;
}

/** One reply for `ctx.intent`. `variant` picks among an intent's templates so repeated answers vary. */
export function composeReply(ctx: AnswerContext, book: AnswerBook, script: Script, variant: number): BotReply {
  const { intent } = ctx;
  const own = templatesFor(book, intent, script);
  const templates = own ?? templatesFor(book, 'None', script) ?? [FALLBACK[ctx.lang]];
  const template = templates[variant % templates.length] ?? templates[0]!;
  const text = render(template, commonVars(ctx), own ? VARS[intent]?.(ctx) : undefined);
  return {
    text: script === 'hant' ? toScript(text, 'hant') : text,
    intent: intent === 'None' ? null : intent,
    quickReplies: quickRepliesFor(ctx, own && intent !== 'None' ? intent : 'top', script),
  };
}
