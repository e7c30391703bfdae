/**
 * Handoff bench (`npx tsx bench/handoff.ts`): time from a buyer's handoff message to the rep console's socket
 * showing the chat, with BENCH_BUYERS buyers (default 200) and BENCH_REPS reps (default 5) connected.
 * The server runs in a child process (this file with --serve): the real bot on the real model, lowdb chat and
 * handoff storage in a temp dir, staff login, the rep extension. The parent holds every socket and times
 * send → first `upsert` frame naming that chat on any rep socket (and on all reps). Phases:
 *   paced — buyers ask for a person at random moments over PACE_WINDOW ms (a busy evening);
 *   burst — all buyers ask at once (a sale starts and the bot hands off everyone).
 * Between rounds the reps claim and close every chat over their sockets, so each round opens fresh handoffs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 200);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const ROUNDS = 3;
const PACE_WINDOW_MS = 4000;
const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'bench-password-1';
/** Ways buyers ask for a person (each one hands off as the first message of a chat). */
const ASKS = ['转人工', '我要找真人客服', '人工客服在吗', 'real person please', '轉人工', '我要投诉你们', '我要给差评'];

async function serve(): Promise<void> {
  const { createBot } = await import('../src/bot/engine.js');
  const { createHandoffDesk } = await import('../src/bot/handoff/desk.js');
  const { createLocalHub } = await import('../src/bot/handoff/hub.js');
  const { handoffInterceptor, handoffObserver } = await import('../src/bot/handoff/observer.js');
  const { loadCannedReplies } = await import('../src/bot/handoff/canned.js');
  const { createLowdbHandoffStore } = await import('../src/bot/handoff/store/lowdb.js');
  const { loadShop } = await import('../src/bot/shop/load.js');
  const { createLowdbStore } = await import('../src/bot/store/lowdb.js');
  const { loadOrTrainNlu } = await import('../src/intents/index.js');
  const { addAccount, createMemoryAccounts } = await import('../src/server/auth/accounts.js');
  const { authExtension } = await import('../src/server/auth/routes.js');
  const { createAuth } = await import('../src/server/auth/sessions.js');
  const { createServer } = await import('../src/server/create-server.js');
  const { repExtension } = await import('../src/server/rep/index.js');
  const { buyerLiveFeed } = await import('../src/server/rep/buyer-live.js');

  const runtime = process.env.BENCH_RUNTIME!;
  const nlu = await loadOrTrainNlu({ trainingDir: join(ROOT, 'training'), cacheDir: join(ROOT, 'data', 'models') });
  const shop = loadShop(join(ROOT, 'data', 'store.json'));
  const chats = createLowdbStore({ dir: join(runtime, 'chats') });
  const local = createLocalHub();
  // Server-side share of the latency: from the turn's start (record.createdAt) to the queue publish.
  const inServer: number[] = [];
  const hub: typeof local = {
    ...local,
    publish(channel, message) {
      if (message.type === 'upsert' && message.record.status === 'queued' && message.record.buyerMessages === 0) {
        inServer.push(Date.now() - message.record.createdAt);
      }
      local.publish(channel, message);
    },
  };
  process.on('SIGTERM', () => {
    const s = inServer.sort((a, b) => a - b);
    console.error(`server side (turn start → publish), ${s.length} handoffs: median ${pct(s, 50)} ms, p90 ${pct(s, 90)} ms, p99 ${pct(s, 99)} ms`);
    process.exit(0);
  });
  const desk = createHandoffDesk({ store: createLowdbHandoffStore({ dir: join(runtime, 'handoffs') }), hub, shop, chats });
  await desk.load();
  const bot = createBot({
    nlu, store: chats, shop, trainingDir: join(ROOT, 'training'), observers: [handoffObserver(desk)], intercept: handoffInterceptor(desk),
  });
  const accounts = createMemoryAccounts();
  for (let i = 0; i < REPS; i++) await addAccount(accounts, { user: `rep${i}`, roles: ['rep'], password: PASSWORD });
  const auth = createAuth({ accounts });
  const canned = loadCannedReplies(join(ROOT, 'data', 'canned-replies.json'));
  const server = createServer({
    bot, config: { rateLimit: { perSecond: 1000, burst: 1000 } },
    extensions: [authExtension(auth), repExtension({ auth, desk, hub, canned })], live: buyerLiveFeed(hub),
  });
  server.server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
}

/** One rep console: logs in, keeps the socket, and reports each upsert it sees. */
async function connectRep(base: string, i: number, seen: (sessionId: string, id: string, status: string, rep: number) => void) {
  const res = await fetch(`${base}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: `rep${i}`, password: PASSWORD }),
  });
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws/rep`, { headers: { cookie } });
  const acks: (() => void)[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; item?: { sessionId: string; id: string; status: string } };
    if (frame.type === 'upsert' && frame.item) seen(frame.item.sessionId, frame.item.id, frame.item.status, i);
    if (frame.type === 'ack' || frame.type === 'error') acks.shift()?.();
  });
  await new Promise((ok, fail) => { ws.once('open', ok); ws.once('error', fail); });
  /** Sends an action and waits for its answer. */
  const act = (action: object) => new Promise<void>((ok) => { acks.push(ok); ws.send(JSON.stringify(action)); });
  return { ws, act };
}

/** One buyer: connects, learns its chat id from the welcome frame. */
function connectBuyer(url: string): Promise<{ ws: WebSocket; sessionId: string }> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url);
    ws.once('error', fail);
    ws.once('message', (data) => ok({ ws, sessionId: (JSON.parse(data.toString()) as { sessionId: string }).sessionId }));
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const runtime = mkdtempSync(join(tmpdir(), 'kefu-bench-handoff-'));
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve'], {
    cwd: ROOT, env: { ...process.env, BENCH_RUNTIME: runtime }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on http:\/\/[^\s]+:(\d+)/.exec(line);
      if (m?.[1]) ok(Number(m[1]));
    });
  });
  const base = `http://127.0.0.1:${port}`;

  const sentAt = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const allSeen = new Map<string, Set<number>>();
  const allAt = new Map<string, number>();
  const open = new Map<string, string>(); // sessionId → handoff id, for the reps to claim and close
  const reps = await Promise.all(Array.from({ length: REPS }, (_, i) => connectRep(base, i, (sid, id, status, rep) => {
    const t0 = sentAt.get(sid);
    if (t0 === undefined || status !== 'queued') return;
    open.set(sid, id);
    if (!firstSeen.has(sid)) firstSeen.set(sid, performance.now() - t0);
    const set = allSeen.get(sid) ?? new Set<number>();
    set.add(rep);
    allSeen.set(sid, set);
    if (set.size === REPS && !allAt.has(sid)) allAt.set(sid, performance.now() - t0);
  })));
  const buyers: { ws: WebSocket; sessionId: string }[] = [];
  for (let i = 0; i < BUYERS; i += 50) {
    buyers.push(...(await Promise.all(Array.from({ length: Math.min(50, BUYERS - i) }, () => connectBuyer(`${base.replace('http', 'ws')}/ws/chat`)))));
  }

  async function round(windowMs: number, r: number): Promise<{ first: number[]; all: number[] }> {
    sentAt.clear(); firstSeen.clear(); allSeen.clear(); allAt.clear(); open.clear();
    await Promise.all(buyers.map(async (b, i) => {
      if (windowMs > 0) await new Promise((ok) => setTimeout(ok, Math.random() * windowMs));
      sentAt.set(b.sessionId, performance.now());
      b.ws.send(JSON.stringify({ type: 'message', text: ASKS[(i + r) % ASKS.length] }));
    }));
    const deadline = Date.now() + 30_000;
    while (allAt.size < buyers.length && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
    // Clear the queue for the next round: each rep claims and closes a share of the chats.
    const ids = [...open.values()];
    await Promise.all(reps.map(async (rep, k) => {
      for (const id of ids.filter((_, j) => j % REPS === k)) {
        await rep.act({ type: 'claim', id });
        await rep.act({ type: 'close', id, outcome: 'resolved' });
      }
    }));
    return { first: [...firstSeen.values()], all: [...allAt.values()] };
  }

  const results: Record<string, { first: number[]; all: number[] }> = { paced: { first: [], all: [] }, burst: { first: [], all: [] } };
  await round(PACE_WINDOW_MS, 99); // warm-up: JIT, model caches, first files
  for (let r = 0; r < ROUNDS; r++) {
    const paced = await round(PACE_WINDOW_MS, r);
    results.paced!.first.push(...paced.first); results.paced!.all.push(...paced.all);
    const burst = await round(0, r + 3);
    results.burst!.first.push(...burst.first); results.burst!.all.push(...burst.all);
  }

  console.log(`\nhandoff → rep console, ${BUYERS} buyers and ${REPS} reps connected, ${ROUNDS} rounds per phase (ms)`);
  console.log('phase   seen by   samples   median     p90     p99     max');
  for (const [name, r] of Object.entries(results)) {
    for (const [who, xs] of [['first rep', r.first], ['all reps', r.all]] as const) {
      const s = [...xs].sort((a, b) => a - b);
      console.log(`${name.padEnd(7)} ${who.padEnd(9)} ${String(s.length).padStart(7)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 90).toFixed(1).padStart(7)} ${pct(s, 99).toFixed(1).padStart(7)} ${(s.at(-1) ?? NaN).toFixed(1).padStart(7)}`);
    }
  }
  console.log(`expected samples per phase: ${BUYERS * ROUNDS}; target: median under 50 ms`);

  for (const b of buyers) b.ws.close();
  for (const r of reps) r.ws.close();
  await new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); });
  rmSync(runtime, { recursive: true, force: true });
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await main();
}
