/** What the buyer is told about the handoff, in their script: place in the queue, wait, no rep online, rep joined. */
import { toScript } from '../../intents/normalise.js';
import type { Script } from '../../intents/types.js';
import type { ShopData } from '../shop/schema.js';
import type { OfflineMessage } from './types.js';

type Bilingual = { zh: string; en: string };

function inScript(text: Bilingual, script: Script): string {
  return script === 'en' ? text.en : toScript(text.zh, script);
}

function minutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}

/** Place in the queue and the expected wait (etaMs null: no estimate). */
export function placeText(place: number, etaMs: number | null, script: Script): string {
  const ahead = place - 1;
  const zhAhead = ahead === 0 ? '您是下一位' : `您前面还有 ${ahead} 位`;
  const enAhead = ahead === 0 ? 'you are next' : `${ahead} ${ahead === 1 ? 'person is' : 'people are'} ahead of you`;
  const zhWait = etaMs === null ? '' : `，预计等待约 ${minutes(etaMs)} 分钟`;
  const enWait = etaMs === null ? '' : `, about ${minutes(etaMs)} min to wait`;
  return inScript({
    zh: `人工客服马上就来～${zhAhead}${zhWait}。等待时可以继续发消息，客服接入后都能看到。`,
    en: `A person will be with you shortly: ${enAhead}${enWait}. Keep writing meanwhile; they will see everything.`,
  }, script);
}

/** A reminder while waiting, sent when the place changes or after a while without news. */
export function waitingUpdateText(place: number, etaMs: number | null, script: Script): string {
  const ahead = place - 1;
  const zhWait = etaMs === null ? '' : `，预计还要约 ${minutes(etaMs)} 分钟`;
  const enWait = etaMs === null ? '' : `, about ${minutes(etaMs)} min to go`;
  return inScript({
    zh: ahead === 0 ? `排队更新：您是下一位${zhWait}，请稍等～` : `排队更新：您前面还有 ${ahead} 位${zhWait}，请稍等～`,
    en: ahead === 0 ? `Queue update: you are next${enWait}.` : `Queue update: ${ahead} ahead of you${enWait}.`,
  }, script);
}

/** No rep online: say so and ask for a message. */
export function noRepText(shop: ShopData, script: Script): string {
  return inScript({
    zh: `亲，现在人工客服都不在线（服务时间${shop.store.serviceHours.zh}）。您可以先留言：把问题写下来发给我，客服上线后第一时间处理。`,
    en: `No one from our team is online right now (we are here ${shop.store.serviceHours.en}). Leave a message: write your question and a person will pick it up first thing.`,
  }, script);
}

/** Quick replies for the contact question, in the buyer's script. */
export function contactChoices(script: Script): string[] {
  if (script === 'en') return ['Reply here', 'Call me', 'Message me on Wangwang'];
  return ['就在这里回复我', '打电话给我', '旺旺联系我'].map((t) => toScript(t, script));
}

/** The next line of the leave-a-message dialogue, after the buyer answered `step`. */
export function offlineText(next: OfflineMessage, place: number | null, script: Script): string {
  if (next.step === 'contact') {
    return inScript({ zh: '收到，已经记下了。客服上线后怎么联系您方便呢？', en: 'Got it, noted. How should we get back to you?' }, script);
  }
  if (next.step === 'phone') {
    return inScript({ zh: '好的，请留一下手机号～', en: 'Sure, what number should we call?' }, script);
  }
  const how = next.contact?.by === 'phone' ? { zh: `电话联系（${next.contact.phone ?? ''}）`, en: `a call (${next.contact.phone ?? ''})` }
    : next.contact?.by === 'wangwang' ? { zh: '旺旺联系', en: 'a Wangwang message' } : { zh: '在这里回复', en: 'a reply here' };
  const zhPlace = place === null ? '' : `（排在第 ${place} 位）`;
  return inScript({
    zh: `好的，已记下：${how.zh}。您的留言已在排队${zhPlace}，客服上线后会第一时间联系您。其他问题小屿也可以先帮您解答～`,
    en: `Noted: ${how.en}. Your message is in the queue${place === null ? '' : ` (number ${place})`} and a person will get back to you. I can help with anything else meanwhile.`,
  }, script);
}

/** A rep took the chat. */
export function repJoinedText(name: string, script: Script): string {
  return inScript({ zh: `人工客服「${name}」已接入，为您服务～`, en: `${name} from our team has joined the chat.` }, script);
}

/** The rep closed the chat; the bot is back. */
export function repLeftText(shop: ShopData, script: Script): string {
  return inScript({
    zh: `本次人工服务已结束，感谢您的耐心～之后有问题${shop.store.persona.zh}继续为您服务。`,
    en: `Our team member has left the chat. Thanks for your patience; ${shop.store.persona.en} is here for anything else.`,
  }, script);
}
