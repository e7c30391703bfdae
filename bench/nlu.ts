/**
 * `npm run bench:nlu`: training time for the whole corpus and per-message classification latency (median, p99).
 * Training is timed in turns for the current settings and for the previous ones (plain 1s, up to 60 passes), wall
 * clock and CPU, so the ratio holds on a box shared with other work even when the absolute times do not.
 */
import { DEFAULT_TRAIN_SETTINGS } from '../src/intents/classifier.js';
import { loadCorpus, testSamples, trainingSamples } from '../src/intents/corpus.js';
import { createNlu } from '../src/intents/index.js';
import { trainModel, type Model } from '../src/intents/model.js';

function quantiles(xs: number[]): { median: number; p99: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const corpus = loadCorpus('training');
const previous = { settings: { ...DEFAULT_TRAIN_SETTINGS, inputNorm: 0, iterations: 60 }, reject: null };
const times = { now: { wall: [] as number[], cpu: [] as number[] }, before: { wall: [] as number[], cpu: [] as number[] } };
let model: Model = trainModel(corpus); // warm-up: jieba's dictionary, the JIT
for (let i = 0; i < 3; i += 1) {
  for (const which of ['now', 'before'] as const) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const m = trainModel(corpus, which === 'now' ? {} : previous);
    const c = process.cpuUsage(c0);
    times[which].wall.push(performance.now() - t0);
    times[which].cpu.push((c.user + c.system) / 1000);
    if (which === 'now') model = m;
  }
}
const nlu = createNlu(model);
const texts = [...testSamples(corpus), ...trainingSamples(corpus)].map((s) => s.text);
for (const t of texts.slice(0, 500)) nlu.classify(nlu.normalise(t)); // warm-up

const classifyMs: number[] = [];
const fullMs: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const t of texts) {
    const a = performance.now();
    const norm = nlu.normalise(t);
    const b = performance.now();
    nlu.classify(norm);
    const c = performance.now();
    nlu.extract(norm);
    const d = performance.now();
    classifyMs.push(c - b);
    fullMs.push(d - a);
  }
}
const sec = (xs: number[]): string => (quantiles(xs).median / 1000).toFixed(2);
const cl = quantiles(classifyMs);
const full = quantiles(fullMs);
const f = (x: number): string => x.toFixed(3);
console.log(`corpus: ${trainingSamples(corpus).length} examples, ${corpus.intents.length} intents, ${texts.length} messages timed ×3`);
for (const which of ['now', 'before'] as const) {
  const t = times[which];
  console.log(`training (${which === 'now' ? 'current settings ' : 'previous settings'}): median wall ${sec(t.wall)} s, cpu ${sec(t.cpu)} s (3 runs)`);
}
console.log(`training time ratio current/previous: cpu ${(quantiles(times.now.cpu).median / quantiles(times.before.cpu).median).toFixed(2)}`);
console.log(`classify (segment + features + net + None rules): median ${f(cl.median)} ms, p99 ${f(cl.p99)} ms, mean ${f(cl.mean)} ms`);
console.log(`normalise + classify + extract:                   median ${f(full.median)} ms, p99 ${f(full.p99)} ms, mean ${f(full.mean)} ms`);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
