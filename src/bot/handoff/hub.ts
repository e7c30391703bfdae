/**
 * A small messaging interface between the bot, buyer sockets and rep sockets: publish/subscribe per channel.
 * Channels are per chat (`buyerChannel`), per rep (`repChannel`) and one for the rep queue (QUEUE_CHANNEL).
 * Messages are plain JSON values, so a Redis implementation can be dropped in without touching the bot.
 */
import type { ChatLine } from '../types.js';
import type { HandoffRecord } from './types.js';

/** What the buyer's socket is told: a line from a rep or the system, or that the person left. */
export type BuyerEvent =
  | { type: 'say'; line: ChatLine; name?: string; quickReplies?: string[] }
  | { type: 'ended' };

/** What rep sockets are told: queue changes for everyone, chat lines for the rep who holds the chat. */
export type RepEvent =
  | { type: 'upsert'; record: HandoffRecord }
  | { type: 'removed'; id: string }
  | { type: 'line'; id: string; line: ChatLine }
  | { type: 'presence'; online: number };

/** Everything that travels on the hub. */
export type HubMessage = BuyerEvent | RepEvent;

/** The queue channel every rep console listens to. */
export const QUEUE_CHANNEL = 'handoff:queue';
/** The channel of one buyer's chat. */
export const buyerChannel = (sessionId: string): string => `handoff:buyer:${sessionId}`;
/** The channel of one rep (every tab they have open). */
export const repChannel = (user: string): string => `handoff:rep:${user}`;

/** Publish/subscribe; subscribe returns the function that unsubscribes. */
export interface Hub {
  publish(channel: string, message: HubMessage): void;
  subscribe(channel: string, listener: (message: HubMessage) => void): () => void;
}

/** The in-process hub: synchronous delivery; one failing listener does not stop the others. */
export function createLocalHub(onError: (err: unknown) => void = () => {}): Hub {
  const channels = new Map<string, Set<(message: HubMessage) => void>>();
  return {
    publish(channel, message) {
      const set = channels.get(channel);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(message);
        } catch (err) {
          onError(err);
        }
      }
    },
    subscribe(channel, listener) {
      let set = channels.get(channel);
      if (!set) channels.set(channel, (set = new Set()));
      set.add(listener);
      return function unsubscribe() {
        set.delete(listener);
        if (set.size === 0 && channels.get(channel) === set) channels.delete(channel);
      };
    },
  };
}
