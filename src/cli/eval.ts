/**
 * `npm run eval [-- --file F.jsonl] [--k 5] [--no-baseline] [--curve] [--json OUT]`: prints how well the model understands.
 * `npm run eval -- --fit-reject [--k 3] [--threshold 0.8]` refits the learned None rule and prints it for classify.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus, unseenLines, type Sample } from '../intents/corpus.js';
import { crossValidate, heldOut, learningCurve, onFile, type SideBySide } from '../intents/eval/run.js';
import type { Report } from '../intents/eval/metrics.js';
import { crossValidatedOutputs, fitOn, sweep } from '../intents/eval/reject-fit.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    k: { type: 'string', default: '5' },
    'no-baseline': { type: 'boolean', default: false },
    curve: { type: 'boolean', default: false },
    json: { type: 'string' },
    errors: { type: 'string', default: '0' },
    training: { type: 'string', default: 'training' },
    'fit-reject': { type: 'boolean', default: false },
    threshold: { type: 'string', default: '0.8' },
  },
});

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

function readJsonl(file: string): Sample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const o = JSON.parse(l) as { text?: unknown; intent?: unknown };
      if (typeof o.text !== 'string' || typeof o.intent !== 'string') throw new Error(`${file}:${i + 1}: needs "text" and "intent"`);
      return { text: o.text, intent: o.intent, script: /[\u3400-\u9fff]/.test(o.text) ? 'zh-Hans' : 'en' };
    });
}

function printSide(s: SideBySide): void {
  const b = s.baseline;
  const row = (label: string, f: (r: Report) => number): string =>
    `  ${pad(label, 28)}${pad(pct(f(s.ours)), 12)}${b ? pct(f(b)) : ''}`;
  console.log(`\n## ${s.name} (${s.ours.total} sentences)`);
  console.log(`  ${pad('', 28)}${pad('ours', 12)}${b ? 'raw node-nlp' : ''}`);
  console.log(row('accuracy (all)', (r) => r.accuracy));
  console.log(row('in-scope accuracy', (r) => r.inScopeAccuracy));
  console.log(row('out-of-scope recall', (r) => r.oosRecall));
  console.log(row('false rejection (→ None)', (r) => r.falseRejection));
  console.log(`\n  ${pad('intent', 18)}${pad('n', 6)}${pad('precision', 11)}${pad('recall', 9)}${b ? 'raw P / R' : ''}`);
  for (const i of s.ours.perIntent) {
    const bi = b?.perIntent.find((x) => x.intent === i.intent);
    const raw = bi ? `${pct(bi.precision)} / ${pct(bi.recall)}` : '';
    console.log(`  ${pad(i.intent, 18)}${pad(String(i.support), 6)}${pad(pct(i.precision), 11)}${pad(pct(i.recall), 9)}${raw}`);
  }
  console.log('\n  most confused (expected → predicted):');
  for (const c of s.ours.confused.slice(0, 10)) console.log(`    ${c.count}× ${c.expected} → ${c.predicted}`);
  const nErr = Number(values.errors);
  if (nErr > 0) for (const e of s.ours.errors.slice(0, nErr)) console.log(`    ✗ ${e.text}  [${e.expected} → ${e.predicted}]`);
}

async function main(): Promise<void> {
  const corpus = loadCorpus(values.training ?? 'training');
  if (values['fit-reject']) return fitReject(corpus);
  const withBaseline = !values['no-baseline'];
  const results: SideBySide[] = [];
  if (values.file) {
    const lines = readJsonl(values.file);
    results.push(await onFile(corpus, lines, values.file, withBaseline));
    // Lines that are (once normalised) training examples say nothing about new messages: score the rest on their own.
    const unseen = unseenLines(corpus, lines);
    if (unseen.length < lines.length) {
      const name = `${values.file}, only the ${unseen.length} lines that are not training examples (${lines.length - unseen.length} are)`;
      results.push(await onFile(corpus, unseen, name, withBaseline));
    }
  } else {
    console.error('cross-validating …');
    results.push(await crossValidate(corpus, Number(values.k), withBaseline));
    console.error('held-out tests …');
    results.push(await heldOut(corpus, withBaseline));
  }
  results.forEach(printSide);
  let curve: ReturnType<typeof learningCurve> | undefined;
  if (values.curve) {
    // On the --file lines when given (an independent set says more than the corpus's own tests), else the held-out tests.
    const lines = values.file ? readJsonl(values.file) : undefined;
    curve = learningCurve(corpus, [0.1, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 1], lines);
    console.log(`\n## learning curve (${values.file ?? 'held-out tests'})`);
    for (const c of curve) {
      const r = c.report;
      console.log(`  ${pad(pct(c.share), 8)} ${pad(String(c.examples), 7)} examples  accuracy ${pct(r.accuracy)}  in-scope ${pct(r.inScopeAccuracy)}  out-of-scope ${pct(r.oosRecall)}  false rejection ${pct(r.falseRejection)}`);
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ results, curve }, null, 2));
}

function fitReject(corpus: ReturnType<typeof loadCorpus>): void {
  const k = values.k === '5' ? 3 : Number(values.k);
  console.error(`${k}-fold network outputs …`);
  const observed = crossValidatedOutputs(corpus, k);
  const rule = fitOn(observed, Number(values.threshold));
  console.log(`\n## reject rule fitted on ${observed.length} cross-validated outputs (${k}-fold)`);
  console.log(`  ${pad('threshold', 12)}${pad('in-scope', 12)}${pad('OOS recall', 12)}false rejection`);
  for (const f of sweep(observed, rule, [0.5, 0.6, 0.7, 0.8, 0.85, 0.9])) {
    console.log(`  ${pad(String(f.threshold), 12)}${pad(pct(f.inScopeAccuracy), 12)}${pad(pct(f.oosRecall), 12)}${pct(f.falseRejection)}`);
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  console.log('\nDEFAULT_REJECT for src/intents/classify.ts (check the held-out tests and your own file before switching):');
  console.log(JSON.stringify({ ...rule, weights: rule.weights.map(round), bias: round(rule.bias) }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
