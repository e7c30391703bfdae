import { beforeEach, describe, expect, test } from 'vitest';
import { createInbox, createInboxObserver, createMemoryInboxStore, type InboxStore, type TurnListener } from '../../../src/bot/inbox/index.js';
import type { Bot } from '../../../src/bot/types.js';
import { testBot } from '../helpers.js';

let store: InboxStore;
let observe: TurnListener;
let bot: Bot;
let errors: unknown[];

beforeEach(async () => {
  store = createMemoryInboxStore();
  errors = [];
  const inbox = createInbox(store, () => ({ key: 'none', byIntent: [] }));
  observe = createInboxObserver({ inbox, modelVersion: () => 'v-test', onError: (e) => errors.push(e) });
  ({ bot } = await testBot());
});

/** Sends messages in one chat, telling the observer about each finished turn, as the engine's hook does. */
async function chat(messages: string[]): Promise<void> {
  const { sessionId } = await bot.open(undefined);
  for (const m of messages) observe(await bot.handle(sessionId, m));
  await new Promise((r) => setTimeout(r, 10));
}

const items = async () => (await store.list()).map((i) => ({ text: i.text, reasons: i.reasons, intent: i.intent }));

describe('inbox observer on real turns', () => {
  test('a message the bot did not understand is recorded with the model version and its score', async () => {
    await chat(['今天天气怎么样']);
    const [item] = await store.list();
    expect(item).toMatchObject({ text: '今天天气怎么样', reasons: ['none'], intent: 'None', modelVersion: 'v-test', status: 'open' });
    expect(item!.score).toBeGreaterThan(0);
  });

  test('a confident answer followed by another ordinary question leaves the inbox empty', async () => {
    await chat(['可以开发票吗', '几天发货']);
    expect(await items()).toEqual([]);
  });

  test('"不是这个意思" after an answer puts that answered message in, not the complaint itself', async () => {
    await chat(['可以开发票吗', '不是这个意思']);
    expect(await items()).toEqual([{ text: '可以开发票吗', reasons: ['not_what_i_asked'], intent: 'invoice' }]);
  });

  test('asking for a person right after an answer puts the answered message in as a handoff', async () => {
    await chat(['几天发货', '转人工']);
    expect(await items()).toEqual([{ text: '几天发货', reasons: ['handoff'], intent: 'shipping' }]);
  });

  test('a message already in as None gains the reason when the buyer then says the answer missed', async () => {
    await chat(['你们有实体店吗 想去试穿', '答非所问']);
    const [item, ...rest] = await store.list();
    expect(rest).toEqual([]);
    expect(item!.reasons).toEqual(['none', 'not_what_i_asked']);
  });

  test('phone numbers and recipient names are masked before they are stored', async () => {
    await chat(['收件人张三丰 电话13812345678 你们有实体店吗', '答非所问']);
    const [item] = await store.list();
    expect(item!.text).not.toContain('13812345678');
    expect(item!.text).toContain('138****5678');
    expect(item!.text).not.toContain('张三丰');
    expect(item!.norm).not.toContain('12345678');
  });

  test('a failing inbox is reported and never reaches the chat', async () => {
    const broken: InboxStore = { ...createMemoryInboxStore(), add: async () => { throw new Error('disk full'); } };
    observe = createInboxObserver({ inbox: createInbox(broken, () => ({ key: 'x', byIntent: [] })), modelVersion: () => 'v', onError: (e) => errors.push(e) });
    await chat(['今天天气怎么样', '答非所问']);
    expect(errors.map((e) => (e as Error).message)).toContain('disk full');
  });
});

describe('inbox actions', () => {
  test('assigning or ignoring resolves open items once; resolved ones are no longer grouped', async () => {
    await chat(['今天天气怎么样']);
    await chat(['你们有实体店吗']);
    await chat(['你们有实体店吗 想去试穿']);
    const inbox = createInbox(store, () => ({ key: 'none', byIntent: [['亲 在吗', '可以开发票吗']] }));
    const all = await store.list();
    const shop = all.filter((i) => i.text !== '今天天气怎么样').map((i) => i.id);
    const assigned = await inbox.resolve(shop, { status: 'assigned', intent: 'physical_shop' }, 1000);
    expect(assigned.map((i) => [i.status, i.resolvedTo, i.resolvedAt])).toEqual([['assigned', 'physical_shop', 1000], ['assigned', 'physical_shop', 1000]]);
    expect(await inbox.resolve(shop, { status: 'ignored' }, 2000)).toEqual([]);
    expect(await inbox.openItems(all.map((i) => i.id))).toHaveLength(1);
    const groups = await inbox.groups();
    expect(groups.map((g) => g.label)).toEqual(['今天天气怎么样']);
  });
});
