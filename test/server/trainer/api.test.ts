import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReplyFrame } from '../../../src/server/protocol.js';
import { connect } from '../helpers/client.js';
import { client, startTrainerServer, type TrainerRig } from './helpers.js';

let rig: TrainerRig;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  rig = await startTrainerServer();
  api = client(rig.server.http, rig.trainer);
});
afterAll(async () => { await rig?.close(); });

const readIntent = (intent: string): string => readFileSync(join(rig.trainingDir, `${intent}.json`), 'utf8');

/** A new buyer's first reply to one message, over the real WebSocket. */
async function firstReply(text: string): Promise<ReplyFrame> {
  const c = await connect(rig.server.ws);
  await c.next('welcome');
  c.sendJson({ type: 'message', text });
  const reply = await c.next('reply', 10_000);
  c.ws.close();
  return reply;
}

/** One buyer chat over the real WebSocket: sends the messages in order, waits for each last reply. */
async function buyerChat(messages: string[]): Promise<void> {
  const c = await connect(rig.server.ws);
  await c.next('welcome');
  for (const text of messages) {
    c.sendJson({ type: 'message', text });
    for (;;) if ((await c.next('reply', 10_000)).last) break;
  }
  c.ws.close();
  await c.closed;
}

describe('trainer API on the real server', () => {
  test('needs a trainer login: 401 without one, 403 for a rep', async () => {
    const anonymous = await fetch(`${rig.server.http}/api/trainer/intents`);
    expect(anonymous.status).toBe(401);
    expect((await client(rig.server.http, rig.rep).get('/api/trainer/intents')).status).toBe(403);
    expect((await api.get('/api/trainer/me')).body).toEqual({ user: 'tom', name: '训练师小汤' });
  });

  test('lists every intent with its counts and the current model\'s held-out accuracy', async () => {
    const { body } = await api.get<{ model: { version: string; accuracy: number }; retrainDue: boolean; intents: { intent: string; examples: number; tests: number; answers: number; accuracy: number | null; inModel: boolean }[] }>('/api/trainer/intents');
    expect(body.retrainDue).toBe(false);
    expect(body.model.accuracy).toBeGreaterThan(0.7);
    expect(body.intents).toHaveLength(24);
    const size = body.intents.find((i) => i.intent === 'size')!;
    expect(size).toMatchObject({ inModel: true });
    expect(size.examples).toBeGreaterThan(50);
    expect(size.accuracy).toBeGreaterThan(0.5);
  });

  test('one intent comes with its sentences and the held-out tests the model gets wrong', async () => {
    const { body } = await api.get<{ intent: string; examples: Record<string, string[]>; answers: Record<string, string[]>; misses: { text: string; expected: string; predicted: string }[] }>('/api/trainer/intents/invoice');
    expect(body.examples['zh-Hans']).toContain('能开发票吗');
    expect(body.answers.en?.length).toBeGreaterThan(0);
    for (const m of body.misses) expect(m).toMatchObject({ expected: 'invoice', predicted: expect.not.stringMatching(/^invoice$/) });
    expect((await api.get('/api/trainer/intents/nope')).status).toBe(404);
  });

  test('an added example is written back to training/ in the hand-edited format, its script detected', async () => {
    const before = readIntent('invoice');
    const res = await api.post('/api/trainer/intents/invoice/sentences', { field: 'examples', texts: ['電子發票什麼時候寄'] });
    expect(res).toEqual({ status: 200, body: { added: 1 } });
    const after = readIntent('invoice');
    expect(after).toBe(`${JSON.stringify(JSON.parse(after), null, 2)}\n`);
    expect((JSON.parse(after) as { examples: Record<string, string[]> }).examples['zh-Hant']).toContain('電子發票什麼時候寄');
    expect(after.length).toBeGreaterThan(before.length);
    // Now the corpus differs from the model: the page says a retrain is due.
    expect((await api.get<{ retrainDue: boolean }>('/api/trainer/intents')).body.retrainDue).toBe(true);
    expect(await api.del('/api/trainer/intents/invoice/sentences', { field: 'examples', text: '電子發票什麼時候寄' })).toEqual({ status: 200, body: { removed: true } });
    expect(readIntent('invoice')).toBe(before);
  });

  test('edits that break the corpus rules are refused with a code and leave the files alone', async () => {
    const before = readIntent('payment');
    const clash = await api.post<{ error: { code: string } }>('/api/trainer/intents/payment/sentences', { field: 'examples', texts: ['能开发票吗'] });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'example_elsewhere' } } });
    const copy = await api.post('/api/trainer/intents/invoice/sentences', { field: 'tests', texts: ['能开发票吗'] });
    expect(copy).toMatchObject({ status: 409, body: { error: { code: 'copy_of_example' } } });
    const bad = await api.post('/api/trainer/intents', { intent: '../x', answers: { 'zh-Hans': ['好'], en: ['ok'] } });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const noAnswers = await api.post('/api/trainer/intents', { intent: 'gift_wrap', examples: ['能包装吗'] });
    expect(noAnswers).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect((await api.post('/api/trainer/intents', { intent: 'size', answers: { 'zh-Hans': ['好'], en: ['ok'] } })).body)
      .toMatchObject({ error: { code: 'intent_exists' } });
    expect(readIntent('payment')).toBe(before);
  });

  test('answers edited by hand in training/ are in the book after the next refresh, alongside the page edit that caused it', async () => {
    const file = JSON.parse(readIntent('warranty')) as { answers: Record<string, string[]> };
    file.answers['zh-Hans'] = ['亲，本店商品手工改过的质保说明：一年内非人为问题免费换新。还有别的想问吗？'];
    writeFileSync(join(rig.trainingDir, 'warranty.json'), `${JSON.stringify(file, null, 2)}\n`);
    // Any answer edit from the page (or a model switch) refreshes the book; the view sees the hand edit's new mtime.
    await api.post('/api/trainer/intents/greeting/sentences', { field: 'answers', texts: ['亲，在的在的，想问点什么呀？'], script: 'zh-Hans' });
    const reply = await firstReply('保修多久');
    expect(reply.intent).toBe('warranty');
    expect(reply.text).toContain('手工改过的质保说明');
  });

  test('answers go live at once: a new answer is used by the bot without a retrain, and the last one cannot be removed', async () => {
    const { body } = await api.get<{ answers: Record<string, string[]> }>('/api/trainer/intents/farewell');
    const originals = [...(body.answers['zh-Hans'] ?? [])];
    await api.post('/api/trainer/intents/farewell/sentences', { field: 'answers', texts: ['亲，慢走，欢迎常来逛逛～'], script: 'zh-Hans' });
    for (const text of originals) await api.del('/api/trainer/intents/farewell/sentences', { field: 'answers', text, script: 'zh-Hans' });
    const last = await api.del('/api/trainer/intents/farewell/sentences', { field: 'answers', text: '亲，慢走，欢迎常来逛逛～', script: 'zh-Hans' });
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'last_answer' } } });
    const reply = await firstReply('好的 谢谢 拜拜');
    expect(reply.intent).toBe('farewell');
    expect(reply.text).toContain('慢走，欢迎常来逛逛');
  });

  test('"try a sentence" shows the intent, score, entities and tags the bot gives it', async () => {
    const { body } = await api.post<{ intent: string; score: number; entities: { kind: string; value: unknown }[]; tags: string[]; modelVersion: string; ranking: unknown[] }>(
      '/api/trainer/try', { text: '我身高170 体重60kg 平时穿M 这件拿什么码' });
    expect(body.intent).toBe('size');
    expect(body.score).toBeGreaterThan(0.5);
    expect(body.entities).toEqual(expect.arrayContaining([{ kind: 'height', value: 170, text: expect.any(String) }, { kind: 'weight', value: 60, text: expect.any(String) }]));
    expect(body.tags).toEqual(expect.arrayContaining(['身高170', '体重60kg', '平时穿M']));
    expect(body.ranking.length).toBeGreaterThan(1);
    expect((await api.post('/api/trainer/try', { text: '' })).status).toBe(400);
  });

  test('buyers\' misunderstood messages show as one group, and a new intent made from it is written with them as examples', async () => {
    await buyerChat(['你们有实体店吗 想去试穿', '答非所问']);
    await buyerChat(['你们有实体店吗 想去看看']);
    await buyerChat(['今天天气怎么样']);
    await new Promise((r) => setTimeout(r, 100));
    const { body } = await api.get<{ total: number; groups: { label: string; size: number; items: { id: string; text: string; reasons: string[] }[] }[] }>('/api/trainer/inbox');
    const shop = body.groups.find((g) => g.items.some((i) => i.text.includes('实体店')))!;
    expect(shop.size).toBe(2);
    expect(shop.items.flatMap((i) => i.reasons)).toEqual(expect.arrayContaining(['none', 'not_what_i_asked']));
    expect(body.groups.some((g) => g.label === '今天天气怎么样' && g.size === 1)).toBe(true);

    const created = await api.post('/api/trainer/inbox/create', {
      ids: shop.items.map((i) => i.id), intent: 'physical_shop', description: '实体店/线下门店',
      answers: { 'zh-Hans': ['亲，我们只有网店哦，没有线下门店～'], en: ['We are online only, with no physical shop.'] },
    });
    expect(created).toEqual({ status: 201, body: { added: 2, resolved: 2 } });
    const file = JSON.parse(readIntent('physical_shop')) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['intent', 'description', 'examples', 'tests', 'answers']);
    expect(file.examples).toEqual({ 'zh-Hans': ['你们有实体店吗 想去试穿', '你们有实体店吗 想去看看'] });
    const again = await api.post('/api/trainer/inbox/assign', { ids: shop.items.map((i) => i.id), intent: 'size' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'nothing_open' } } });

    const weather = body.groups.find((g) => g.label === '今天天气怎么样')!;
    expect((await api.post('/api/trainer/inbox/ignore', { ids: weather.items.map((i) => i.id) })).body).toEqual({ resolved: 1 });
    const left = (await api.get<{ groups: { label: string }[] }>('/api/trainer/inbox')).body.groups.map((g) => g.label);
    expect(left).not.toContain('今天天气怎么样');
    expect(left.some((l) => l.includes('实体店'))).toBe(false);
  });

  test('the model list shows the registered model with its figures', async () => {
    const { body } = await api.get<{ current: string; models: { version: string; status: string; corpusSize: number; accuracy: number; tests: number }[] }>('/api/trainer/models');
    expect(body.models).toHaveLength(1);
    expect(body.models[0]).toMatchObject({ version: body.current, status: 'current' });
    expect(body.models[0]!.corpusSize).toBeGreaterThan(1000);
    expect((await api.post(`/api/trainer/models/${body.current}/confirm`)).body).toMatchObject({ error: { code: 'not_held' } });
    expect((await api.get('/api/trainer/models/nope-1')).status).toBe(404);
  });
});
