/** `npm run bench:nlu`: training time for the whole corpus and per-message classification latency (median, p99). */
import { loadCorpus, testSamples, trainingSamples } from '../src/intents/corpus.js';
import { createNlu } from '../src/intents/index.js';
import { trainModel } from '../src/intents/model.js';

function quantiles(xs: number[]): { median: number; p99: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const corpus = loadCorpus('training');
const trainTimes: number[] = [];
let model = trainModel(corpus);
for (let i = 0; i < 3; i += 1) {
  const t0 = performance.now();
  model = trainModel(corpus);
  trainTimes.push(performance.now() - t0);
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
const tr = quantiles(trainTimes);
const cl = quantiles(classifyMs);
const full = quantiles(fullMs);
const f = (x: number): string => x.toFixed(3);
console.log(`corpus: ${trainingSamples(corpus).length} examples, ${corpus.intents.length} intents, ${texts.length} messages timed ×3`);
console.log(`training (whole corpus, 3 runs): median ${(tr.median / 1000).toFixed(2)} s, max ${(Math.max(...trainTimes) / 1000).toFixed(2)} s`);
console.log(`classify (segment + features + net + None rules): median ${f(cl.median)} ms, p99 ${f(cl.p99)} ms, mean ${f(cl.mean)} ms`);
console.log(`normalise + classify + extract:                   median ${f(full.median)} ms, p99 ${f(full.p99)} ms, mean ${f(full.mean)} ms`);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
