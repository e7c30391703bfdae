/**
 * The proof of issue 6 on the real server: a trainer adds an intent with ten examples through the API and retrains;
 * a chat held open across the retrain keeps answering and then knows the new intent; a worse model is held back by
 * the gate (and shows what got worse); rollback restores the earlier answers. Training runs the whole corpus in a
 * worker, so these tests take a while.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type TestClient } from '../helpers/client.js';
import { client, startTrainerServer, waitForRetrain, type TrainerRig } from './helpers.js';

const GIFT_EXAMPLES = [
  '可以帮忙包装成礼物吗', '能包成礼品吗', '有礼盒包装吗', '可以用礼品盒装吗', '送人的能包装一下吗',
  '礼品包装要钱吗', '有没有礼品袋', '能给包个礼盒吗', '可以做礼物包装吗', '礼物包装多少钱',
];
/** A buyer question of that kind that is not among the examples. */
const GIFT_QUESTION = '买了能帮忙用礼盒包好吗';
const GIFT_ANSWER = '亲，可以免费帮您包成礼物哦，下单时备注“礼品包装”就好～';

let rig: TrainerRig;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  rig = await startTrainerServer();
  api = client(rig.server.http, rig.trainer);
});
afterAll(async () => { await rig?.close(); });

/** Sends one message and returns the turn's last reply. */
async function ask(c: TestClient, text: string): Promise<{ text: string; intent: string | null }> {
  c.sendJson({ type: 'message', text });
  for (;;) {
    const r = await c.next('reply', 15_000);
    if (r.last) return r;
  }
}

async function freshChat(): Promise<TestClient> {
  const c = await connect(rig.server.ws);
  await c.next('welcome');
  return c;
}

/** The first reply a brand-new chat gets to `text`. */
async function firstAnswer(text: string): Promise<{ text: string; intent: string | null }> {
  const c = await freshChat();
  const r = await ask(c, text);
  c.ws.close();
  return r;
}

describe('retraining on the real server', () => {
  let before: { text: string; intent: string | null };
  let firstVersion: string;
  let giftVersion: string;

  test('a new intent with ten examples is learned by a retrain, while a chat held open keeps answering', async () => {
    before = await firstAnswer(GIFT_QUESTION);
    expect(before.intent).not.toBe('gift_wrap');
    firstVersion = (await api.get<{ current: string }>('/api/trainer/models')).body.current;

    const created = await api.post('/api/trainer/intents', {
      intent: 'gift_wrap', description: '礼品包装：能不能包成礼物、礼盒、礼品袋、贺卡', examples: GIFT_EXAMPLES,
      answers: { 'zh-Hans': [GIFT_ANSWER], en: ['Sure, we gift-wrap for free: add "gift wrap" to the order note.'] },
    });
    expect(created.status).toBe(201);

    const held = await freshChat();
    const started = await api.post<{ job: { state: string } }>('/api/trainer/retrain');
    expect(started.status).toBe(202);
    expect(started.body.job.state).toBe('training');
    // The chat goes on during training, at a person's pace: every message is answered, on the old model.
    let answered = 0;
    for (let i = 0; i < 200; i += 1) {
      const job = (await api.get<{ job: { state: string } }>('/api/trainer/retrain')).body.job;
      if (job.state !== 'training') break;
      const r = await ask(held, i % 2 === 0 ? '什么时候发货' : '可以开发票吗');
      expect(r.intent).toBe(i % 2 === 0 ? 'shipping' : 'invoice');
      answered += 1;
      await new Promise((r2) => setTimeout(r2, 1100));
    }
    expect(answered).toBeGreaterThan(0);
    const job = await waitForRetrain(api);
    expect(job.state).toBe('switched');
    giftVersion = job.version;

    // Same connection, never dropped: it now gets the new intent and its answer.
    const after = await ask(held, GIFT_QUESTION);
    expect(after).toMatchObject({ intent: 'gift_wrap', text: GIFT_ANSWER });
    expect(held.ws.readyState).toBe(held.ws.OPEN);
    held.ws.close();
    expect((await firstAnswer(GIFT_QUESTION)).intent).toBe('gift_wrap');

    const models = (await api.get<{ current: string; models: { version: string; status: string; intents: string[] }[] }>('/api/trainer/models')).body;
    expect(models.current).toBe(giftVersion);
    expect(models.models.map((m) => [m.version, m.status])).toEqual([[giftVersion, 'current'], [firstVersion, 'kept']]);
    expect(models.models[0]!.intents).toContain('gift_wrap');
  }, 300_000);

  test('a worse model is held back by the gate, with the intents that got worse and the sentences that flipped', async () => {
    // A careless edit: the invoice intent's own held-out tests pasted in as payment examples.
    const invoice = (await api.get<{ tests: Record<string, string[]> }>('/api/trainer/intents/invoice')).body;
    const pasted = Object.values(invoice.tests).flat();
    expect((await api.post('/api/trainer/intents/payment/sentences', { field: 'examples', texts: pasted })).status).toBe(200);

    await api.post('/api/trainer/retrain');
    const job = await waitForRetrain(api);
    expect(job.state).toBe('held');
    const detail = (await api.get<{ status: string; report: { pass: boolean; worse: { intent: string; broken: boolean }[]; flipped: { expected: string; after: string }[] } }>(`/api/trainer/models/${job.version}`)).body;
    expect(detail.status).toBe('held');
    expect(detail.report.pass).toBe(false);
    expect(detail.report.worse.find((w) => w.intent === 'invoice')?.broken).toBe(true);
    expect(detail.report.flipped.some((f) => f.expected === 'invoice' && f.after === 'payment')).toBe(true);
    // The chats still run on the model before it.
    expect((await api.get<{ current: string }>('/api/trainer/models')).body.current).toBe(giftVersion);
    expect((await firstAnswer(pasted[0]!)).intent).not.toBe('payment');
    expect((await firstAnswer(GIFT_QUESTION)).intent).toBe('gift_wrap');
  }, 300_000);

  test('rollback restores the earlier answers', async () => {
    const back = await api.post<{ version: string; status: string }>(`/api/trainer/models/${firstVersion}/rollback`);
    expect(back.body).toMatchObject({ version: firstVersion, status: 'current' });
    const now = await firstAnswer(GIFT_QUESTION);
    expect({ text: now.text, intent: now.intent }).toEqual({ text: before.text, intent: before.intent });
    const models = (await api.get<{ models: { version: string; status: string }[] }>('/api/trainer/models')).body.models;
    expect(models.find((m) => m.version === giftVersion)?.status).toBe('kept');
  }, 120_000);
});
