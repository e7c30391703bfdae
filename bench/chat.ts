/**
 * Chat transport bench (`npm run bench`). Starts the real server as `npm start` runs it (built by the prestart
 * script, then the start script's node flags and entry) and a bare ws echo server as child processes on loopback, connects
 * BENCH_BUYERS buyers (default 500) to each, and runs two phases:
 *   paced — every buyer asks, waits for the answer, pauses ~PACE ms, asks again (reply latency under steady load);
 *   flood — every buyer asks again the moment its answer arrives (capacity: replies per second).
 * Prints a table with both servers side by side and the chat server's resident memory. Bounded in count and time.
 *
 * The chat server runs twice, on two message mixes, because it remembers its analysis of a text sent again
 * (src/intents/memo.ts): "common questions" sends the 30 questions below over and over, as quick-reply chips and
 * the top questions are on a busy day; "every text new" sends the corpus's own buyer sentences (examples and
 * held-out tests, ~14,000 distinct) in a seeded order, so nearly every message is analysed from scratch.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { loadCorpus } from '../src/intents/corpus.js';
import { seededShuffle } from '../src/intents/shuffle.js';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 500);
const WARMUP = 3;
const PACED_ROUNDS = 6;
/** Mean pause between a buyer's messages: a brisk chatter (people take longer), ~250 msg/s from 500 buyers. */
const PACE_MS = 2000;
const FLOOD_ROUNDS = 40;
const PHASE_LIMIT_MS = 90_000;
const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, process.env.DATA_DIR ?? 'data');
/**
 * Extra node flags for the chat server only, e.g. BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it;
 * BENCH_SERVER_LOG=FILE keeps what the server printed while it ran (FILE, and FILE.new for the second mix), e.g. with
 * BENCH_SERVER_ARGS=--trace-gc.
 */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);

/** Questions as buyers type them: simplified, traditional, English, slang, numbers, several asks at once. */
const QUESTIONS = [
  '在吗', '亲 这件卫衣有黑色吗', '170/60kg穿什么码', '什么时候发货', '包邮吗', '可以开发票吗', '發貨要幾天',
  '有优惠券吗', '我的快递到哪了', '想退货怎么弄', 'do you ship to hong kong', 'which size for 165cm 55kg',
  '颜色和图片一样吗', '会起球吗', '能便宜点吗', '地址填错了能改吗', '尺码偏大还是偏小', '燕麦白是纯白吗',
  '买两件能打折吗', '会员有什么优惠', '洗了会缩水吗', '能发顺丰吗', '拍错了能取消订单吗', '送女朋友的 她160 50kg',
  'M码还有货吗', '多久能到北京', 'hi', '有黑色吗 什么时候发货', '這件外套有現貨嗎', '谢谢 拜拜',
];

/** A message mix: what buyer `b` sends in its round `r` of a phase. */
type Mix = (b: number, r: number) => string;

const common: Mix = (b, r) => QUESTIONS[(b * 7 + r) % QUESTIONS.length]!;

/** Every text once (until the ~14,000 run out): the corpus's sentences, shuffled with a fixed seed. */
function everyTextNew(): Mix {
  const seen = new Set<string>();
  for (const file of loadCorpus(join(ROOT, 'training')).intents) {
    for (const group of [file.examples, file.tests ?? {}]) for (const list of Object.values(group)) for (const t of list ?? []) seen.add(t);
  }
  const pool = seededShuffle([...seen], 20261122);
  let next = 0;
  return () => pool[next++ % pool.length]!;
}

interface Child {
  proc: ChildProcess; port: number; startRss: number; peakRss: () => number; stop: () => Promise<void>;
  /** What the process printed after it started listening (a chat server retraining mid-run says so here). */
  output: string[];
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] ? Number(m[1]) / 1024 : 0;
}

/** Runs an entry in its own node process (a .ts one through tsx's loader; no wrapper process, so the pid's RSS is the server's). */
async function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let listening = false;
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start in 5 minutes`)), 300_000);
    proc.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (listening) return void output.push(line);
      const m = /listening on http:\/\/[^\s]+:(\d+)/.exec(line);
      if (m?.[1]) { listening = true; clearTimeout(timer); ok(Number(m[1])); }
    });
    // Passed through as before, and kept too: the trainer reports a background retrain on stderr.
    createInterface({ input: proc.stderr! }).on('line', (line) => {
      process.stderr.write(`${line}\n`);
      if (listening) output.push(line);
    });
  });
  const startRss = rssMb(proc.pid!);
  let peak = startRss;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(proc.pid!)); }, 100);
  return {
    proc, port, startRss, output,
    peakRss: () => Math.max(peak, rssMb(proc.pid!)),
    stop: () => new Promise((done) => {
      clearInterval(sampler);
      proc.once('exit', () => done());
      proc.kill('SIGTERM');
    }),
  };
}

/** One buyer connection; ask() resolves with the reply latency in ms once the whole answer has arrived. */
class Buyer {
  private done: (() => void) | null = null;
  errors = 0;
  constructor(readonly ws: WebSocket, private readonly isEnd: (frame: string) => boolean) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.includes('"type":"error"')) this.errors++;
      if (this.isEnd(text)) { const d = this.done; this.done = null; d?.(); }
    });
  }

  ask(text: string): Promise<number> {
    const t0 = performance.now();
    return new Promise((ok) => {
      this.done = () => ok(performance.now() - t0);
      this.ws.send(JSON.stringify({ type: 'message', text }));
    });
  }
}

async function connectBuyers(url: string, chat: boolean): Promise<Buyer[]> {
  // A chat turn ends with the last reply (or typing off, or an error); for echo, any frame is the answer.
  const isEnd = chat
    ? (f: string) => f.includes('"last":true') || f.includes('"on":false') || f.includes('"type":"error"')
    : () => true;
  const buyers: Buyer[] = [];
  for (let i = 0; i < BUYERS; i += 50) {
    const batch = Array.from({ length: Math.min(50, BUYERS - i) }, () => new Promise<Buyer>((ok, fail) => {
      const ws = new WebSocket(url);
      ws.once('error', fail);
      if (!chat) ws.once('open', () => ok(new Buyer(ws, isEnd)));
      else ws.once('message', () => ok(new Buyer(ws, isEnd))); // the welcome
    }));
    buyers.push(...(await Promise.all(batch)));
  }
  return buyers;
}

interface PhaseResult { latencies: number[]; seconds: number }

async function phase(buyers: Buyer[], rounds: number, paceMs: number, mix: Mix): Promise<PhaseResult> {
  const latencies: number[] = [];
  const deadline = Date.now() + PHASE_LIMIT_MS;
  const t0 = performance.now();
  await Promise.all(buyers.map(async (buyer, b) => {
    for (let r = 0; r < rounds && Date.now() < deadline; r++) {
      if (paceMs > 0) await new Promise((ok) => setTimeout(ok, Math.random() * 2 * paceMs));
      latencies.push(await buyer.ask(mix(b, r)));
    }
  }));
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Figures {
  pacedMedian: number; pacedP99: number; rate: number; floodMedian: number; floodP99: number; replies: number; errors: number; rss: number;
  /** Server CPU per answer over the measured phases (robust to a busy machine, unlike the latencies). */
  cpuMsPerAnswer: number;
}

async function measure(url: string, chat: boolean, child: Child, mix: Mix): Promise<Figures> {
  const buyers = await connectBuyers(url, chat);
  await phase(buyers, WARMUP, 0, mix);
  const cpu0 = cpuSeconds(child.proc.pid!);
  const paced = await phase(buyers, PACED_ROUNDS, PACE_MS, mix);
  const flood = await phase(buyers, FLOOD_ROUNDS, 0, mix);
  const p = paced.latencies.sort((a, b) => a - b);
  const f = flood.latencies.sort((a, b) => a - b);
  const figures = {
    pacedMedian: pct(p, 50), pacedP99: pct(p, 99), floodMedian: pct(f, 50), floodP99: pct(f, 99),
    rate: f.length / flood.seconds, replies: p.length + f.length,
    errors: buyers.reduce((n, b) => n + b.errors, 0), rss: child.peakRss(),
    cpuMsPerAnswer: ((cpuSeconds(child.proc.pid!) - cpu0) * 1000) / (p.length + f.length),
  };
  await Promise.all(buyers.map((b) => new Promise((ok) => { b.ws.once('close', ok); b.ws.close(); })));
  return figures;
}

/**
 * A throwaway data dir: everything in data/ is linked in except runtime/, so chats go to a fresh temp runtime/.
 * models/ is linked only while it has no registered model (the first start trains one and keeps it); after that the
 * current model is copied in, so the retrain a server starts when training/ was edited lands in the temp dir, not
 * in data/models/registry.
 */
function benchDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  mkdirSync(join(DATA, 'models'), { recursive: true });
  for (const name of readdirSync(DATA)) {
    if (name === 'runtime') continue;
    if (name === 'models' && copyCurrentModel(join(DATA, name), join(dir, name))) continue;
    symlinkSync(join(DATA, name), join(dir, name));
  }
  return dir;
}

/** Copies the registry's index and the current model's files; false when there is no current model. */
function copyCurrentModel(from: string, to: string): boolean {
  const indexFile = join(from, 'registry', 'index.json');
  if (!existsSync(indexFile)) return false;
  const current = (JSON.parse(readFileSync(indexFile, 'utf8')) as { current?: string | null }).current;
  if (!current) return false;
  mkdirSync(join(to, 'registry', 'versions'), { recursive: true });
  copyFileSync(indexFile, join(to, 'registry', 'index.json'));
  for (const kind of ['model', 'eval', 'gate']) {
    const file = join(from, 'registry', 'versions', `${current}.${kind}.json`);
    if (existsSync(file)) copyFileSync(file, join(to, 'registry', 'versions', `${current}.${kind}.json`));
  }
  return true;
}

/** Starts the chat server as `npm start` runs it, on a throwaway copy of data/, measures one mix, and stops it. */
async function measureChat(mix: Mix, logFile?: string): Promise<{ figures: Figures; server: Child }> {
  const dataDir = benchDataDir();
  // The start script's own node flags and entry, run directly (not through npm), so the pid's RSS is the server's.
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
  if (start[0] !== 'node') throw new Error(`npm start is "${start.join(' ')}"; the bench expects "node [flags] <entry>"`);
  // The bench lifts the per-buyer rate limit: its buyers ask far faster than people do, on purpose.
  const server = await startChild(start.at(-1)!, {
    PORT: '0', DATA_DIR: dataDir, CHAT_RATE_PER_SEC: '1000000', CHAT_RATE_BURST: '1000000',
  }, [...SERVER_NODE_ARGS, ...start.slice(1, -1)]);
  const figures = await measure(`ws://127.0.0.1:${server.port}/ws/chat`, true, server, mix);
  await server.stop();
  if (logFile) writeFileSync(logFile, `${server.output.join('\n')}\n`);
  rmSync(dataDir, { recursive: true, force: true });
  return { figures, server };
}

async function main(): Promise<void> {
  const echo = await startChild('bench/echo-server.ts', { PORT: '0' });
  const echoFig = await measure(`ws://127.0.0.1:${echo.port}`, false, echo, common);
  await echo.stop();

  const built = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run prestart (the server build) failed');
  const log = process.env.BENCH_SERVER_LOG;
  // BENCH_MIX=common or BENCH_MIX=new measures one mix only (the other column repeats it), for quicker trials.
  const only = process.env.BENCH_MIX;
  const a = await measureChat(only === 'new' ? everyTextNew() : common, log);
  const b = only === 'common' || only === 'new' ? a : await measureChat(everyTextNew(), log ? `${log}.new` : undefined);

  const row = (label: string, ...cells: string[]) => console.log(`${label.padEnd(34)}${cells.map((c) => c.padStart(16)).join('')}`);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const all = [echoFig, a.figures, b.figures];
  const each = (f: (x: Figures) => string) => all.map(f);
  console.log(`\n${BUYERS} concurrent buyers on loopback, ${process.platform} ${process.arch}, node ${process.version}`);
  const firstNew = only === 'new';
  const secondNew = only !== 'common';
  row('', 'ws echo', firstNew ? 'chat: every' : 'chat: common', secondNew ? 'chat: every' : 'chat: common');
  row('', '', firstNew ? 'text new' : 'questions', secondNew ? 'text new' : 'questions');
  row(`paced (~${Math.round((BUYERS * 1000) / PACE_MS)} msg/s): median`, ...each((f) => ms(f.pacedMedian)));
  row('paced: p99', ...each((f) => ms(f.pacedP99)));
  row('flood (1 in flight each): replies/s', ...each((f) => f.rate.toFixed(0)));
  row('flood: median', ...each((f) => ms(f.floodMedian)));
  row('flood: p99', ...each((f) => ms(f.floodP99)));
  row('answers measured', ...each((f) => String(f.replies)));
  row('error frames', ...each((f) => String(f.errors)));
  row('server CPU per answer', ...each((f) => ms(f.cpuMsPerAnswer)));
  row('server RSS idle, before load', ...[echo, a.server, b.server].map((c) => `${c.startRss.toFixed(0)} MB`));
  row('server RSS peak under load', ...each((f) => `${f.rss.toFixed(0)} MB`));
  row('throughput, % of echo', '100 %', ...[a, b].map((x) => `${((100 * x.figures.rate) / echoFig.rate).toFixed(0)} %`));
  // training/ newer than the data dir's model makes the server retrain in the background, on the same two cores.
  for (const [name, run] of [[firstNew ? 'every text new' : 'common questions', a], [secondNew ? 'every text new' : 'common questions', b]] as const) {
    const retrain = run.server.output.filter((l) => /\[trainer\]|retrain|training a model/i.test(l));
    if (retrain.length > 0) console.log(`note: the server retrained its model during the ${name} run, so its figures include it:\n  ${retrain.join('\n  ')}`);
  }
}

await main();
