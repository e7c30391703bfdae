/** The marketing feature on the real server: real bot and model, lowdb chats and the tag log in a temp dir, ws + HTTP. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TurnObserver } from '../../../src/bot/engine.js';
import { loadCannedReplies } from '../../../src/bot/handoff/canned.js';
import { marketingLogFile } from '../../../src/bot/marketing/files.js';
import { addAccount, createMemoryAccounts } from '../../../src/server/auth/accounts.js';
import { authExtension } from '../../../src/server/auth/routes.js';
import { createAuth, type Auth } from '../../../src/server/auth/sessions.js';
import { openOpsFeature } from '../../../src/server/ops/index.js';
import { repExtension } from '../../../src/server/rep/index.js';
import { wireBot, type WiredBot } from '../../../src/server/wire-bot.js';
import { TEST_MODEL_CACHE } from '../../global-setup.js';
import { connect } from '../helpers/client.js';
import { startServer, type Started } from '../helpers/start.js';
import { login, PASSWORD } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
let auth: Auth;
const dirs: string[] = [];
let running: Array<{ server: Started; wired: WiredBot }> = [];

beforeAll(async () => {
  const accounts = createMemoryAccounts();
  await addAccount(accounts, { user: 'olivia', name: '运营小欧', roles: ['ops'], password: PASSWORD });
  await addAccount(accounts, { user: 'rita', name: '客服小丽', roles: ['rep'], password: PASSWORD });
  auth = createAuth({ accounts });
});
afterEach(async () => {
  for (const { server, wired } of running) {
    await server.close();
    await wired.close();
  }
  running = [];
});
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** Wires everything as main.ts does, on `runtimeDir`, and listens on port 0. */
async function start(runtimeDir: string) {
  const observers: TurnObserver[] = [];
  const wired = await wireBot({ dataDir: join(ROOT, 'data'), trainingDir: join(ROOT, 'training'), modelDir: TEST_MODEL_CACHE, runtimeDir, observers });
  const ops = await openOpsFeature({ auth, runtimeDir, handoff: wired.handoff, log: () => {} });
  observers.push(ops.observer);
  const rep = repExtension({ auth, desk: wired.handoff.desk, hub: wired.handoff.hub, canned: loadCannedReplies(join(ROOT, 'data', 'canned-replies.json')) });
  const server = await startServer(wired.bot, { extensions: [authExtension(auth), rep, ops.extension] });
  running.push({ server, wired });
  return { server, ops };
}

function tempRuntime(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-ops-int-'));
  dirs.push(dir);
  return dir;
}

/** A buyer on the chat socket: sends each message and waits for the last reply of its turn. */
async function buyerSays(server: Started, messages: string[]) {
  const client = await connect(server.ws);
  const welcome = await client.next('welcome');
  for (const text of messages) {
    client.sendJson({ type: 'message', text });
    for (;;) if ((await client.next('reply')).last) break;
  }
  client.ws.close();
  return welcome.sessionId;
}

async function json<T>(server: Started, path: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${server.http}${path}`, { headers });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Buyers = { count: number; buyers: Array<{ buyerId: string; tags: Array<{ tag: string; source: string; by?: string }> }> };

describe('marketing on the real server', () => {
  it('tags chats from the socket, serves them to operations, exports them masked, and keeps them over a restart', async () => {
    const runtimeDir = tempRuntime();
    let { server } = await start(runtimeDir);
    await buyerSays(server, ['我宝宝刚出生，有没有婴儿连体衣', '宝宝身高70cm，电话13812345678']);
    await buyerSays(server, ['身高170體重60公斤穿什麼碼']);
    await buyerSays(server, ['any recommendation for a birthday gift for my girlfriend']);
    let ops = await login(server.http, 'olivia');

    const baby = await json<Buyers>(server, `/api/ops/buyers?tags=${encodeURIComponent('母婴,有过下单咨询')}`, ops);
    expect(baby.count).toBe(1);
    const everyone = await json<Buyers>(server, '/api/ops/buyers', ops);
    expect(everyone.count).toBe(3);
    expect(everyone.buyers.flatMap((b) => b.tags.map((t) => t.tag))).toEqual(expect.arrayContaining(['身高170', '体重60kg', '送女友', '海外买家']));

    const csv = Buffer.from(await (await fetch(`${server.http}/api/ops/export?kind=events&format=csv`, { headers: ops })).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).not.toContain('13812345678');
    const onDisk = readFileSync(marketingLogFile(runtimeDir), 'utf8');
    expect(onDisk).toContain('"tag":"母婴"');
    expect(onDisk).not.toContain('13812345678');

    await running[0]!.server.close();
    await running[0]!.wired.close();
    running = [];
    ({ server } = await start(runtimeDir));
    ops = await login(server.http, 'olivia');
    const again = await json<Buyers>(server, `/api/ops/buyers?tags=${encodeURIComponent('母婴,有过下单咨询')}`, ops);
    expect(again.buyers.map((b) => b.buyerId)).toEqual(baby.buyers.map((b) => b.buyerId));
  });

  it('logs a tag a rep adds in the rep console, with the rep, and its removal', async () => {
    const { server } = await start(tempRuntime());
    const sessionId = await buyerSays(server, ['快递太慢了，我要投诉']);
    const rita = await login(server.http, 'rita');
    const queue = await json<{ items: Array<{ id: string; sessionId: string }> }>(server, '/api/rep/queue', rita);
    const handoff = queue.items.find((i) => i.sessionId === sessionId)!;
    const post = (path: string, body: unknown) => fetch(`${server.http}${path}`, {
      method: 'POST', headers: { ...rita, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await post(`/api/rep/handoffs/${handoff.id}/claim`, {})).status).toBe(200);
    expect((await post(`/api/rep/handoffs/${handoff.id}/tags`, { tag: '待回访' })).status).toBe(200);

    const ops = await login(server.http, 'olivia');
    const tagged = await json<Buyers>(server, `/api/ops/buyers?tags=${encodeURIComponent('待回访')}`, ops);
    expect(tagged.buyers).toHaveLength(1);
    expect(tagged.buyers[0]!.tags.find((t) => t.tag === '待回访')).toMatchObject({ source: 'rep', by: 'rita' });
    expect(tagged.buyers[0]!.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['转人工', '投诉']));

    expect((await post(`/api/rep/handoffs/${handoff.id}/tags/delete`, { tag: '待回访' })).status).toBe(200);
    expect((await json<Buyers>(server, `/api/ops/buyers?tags=${encodeURIComponent('待回访')}`, ops)).count).toBe(0);
    const events = await json<Array<{ tag: string; op: string; by: string | null }>>(server, '/api/ops/export?kind=events&format=json', ops);
    expect(events.filter((e) => e.tag === '待回访').map((e) => [e.op, e.by])).toEqual([['add', 'rita'], ['remove', 'rita']]);
  });

  it('lets a rep tag a buyer directly by buyer id', async () => {
    const { server } = await start(tempRuntime());
    await buyerSays(server, ['有黑色吗']);
    const ops = await login(server.http, 'olivia');
    const [buyer] = (await json<Buyers>(server, '/api/ops/buyers', ops)).buyers;
    const rita = await login(server.http, 'rita');
    const res = await fetch(`${server.http}/api/rep/buyers/${buyer!.buyerId}/tags`, {
      method: 'POST', headers: { ...rita, 'content-type': 'application/json' }, body: JSON.stringify({ tag: '学生' }),
    });
    expect(res.status).toBe(201);
    expect((await json<{ tags: Array<{ tag: string }> }>(server, `/api/rep/buyers/${buyer!.buyerId}/tags`, rita)).tags.map((t) => t.tag)).toContain('学生');
  });
});
