/** The leave-a-message dialogue when no rep is online: the message, then how the buyer wants to be contacted. */
import { toSimplified } from '../../intents/normalise.js';
import type { OfflineMessage } from './types.js';

/** Longest message kept for the rep. */
const MAX_MESSAGE = 1000;
const PHONE = /(?:\+?86)?(1[3-9]\d{9})/;
const WANTS_CALL = /电话|手机|打给我|call|phone/;
const WANTS_WANGWANG = /旺旺|阿里|短信|wangwang|sms|text me/;

function phoneIn(text: string): string | undefined {
  return PHONE.exec(text.replace(/[\s-]/g, ''))?.[1];
}

/** The dialogue's state after the buyer's answer to `current.step`. */
export function nextOffline(current: OfflineMessage, raw: string): OfflineMessage {
  const text = toSimplified(raw.toLowerCase());
  switch (current.step) {
    case 'message':
      return { step: 'contact', message: raw.slice(0, MAX_MESSAGE) };
    case 'contact': {
      const phone = phoneIn(text);
      if (phone) return { ...current, step: 'done', contact: { by: 'phone', phone } };
      if (WANTS_CALL.test(text)) return { ...current, step: 'phone' };
      if (WANTS_WANGWANG.test(text)) return { ...current, step: 'done', contact: { by: 'wangwang' } };
      return { ...current, step: 'done', contact: { by: 'chat' } };
    }
    case 'phone': {
      const phone = phoneIn(text);
      // No number the second time: answer here rather than ask a third time.
      return { ...current, step: 'done', contact: phone ? { by: 'phone', phone } : { by: 'chat' } };
    }
    default:
      return current;
  }
}
