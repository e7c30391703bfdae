/** Carries handoff news to a buyer's socket: a rep's replies and notices, from the chat's hub channel only. */
import { buyerChannel, type Hub } from '../../bot/handoff/hub.js';
import type { LiveFeed } from '../chat-socket.js';

/** The chat socket's live feed over the hub; a socket hears its own chat and nothing else. */
export function buyerLiveFeed(hub: Hub): LiveFeed {
  return function subscribeBuyer(sessionId, push) {
    return hub.subscribe(buyerChannel(sessionId), function toBuyer(message) {
      if (message.type !== 'say') return;
      const { line, name, quickReplies } = message;
      push({
        type: 'reply', text: line.text, intent: null, quickReplies: quickReplies ?? [], at: line.at, last: false,
        from: line.from === 'rep' ? 'rep' : 'system', ...(name ? { name } : {}),
      });
    });
  };
}
