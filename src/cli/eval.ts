/** `npm run eval [-- --file F.jsonl] [--k 5] [--no-baseline] [--curve] [--json OUT]`: prints how well the model understands. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus, type Sample } from '../intents/corpus.js';
import { crossValidate, heldOut, learningCurve, onFile, type SideBySide } from '../intents/eval/run.js';
import type { Report } from '../intents/eval/metrics.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    k: { type: 'string', default: '5' },
    'no-baseline': { type: 'boolean', default: false },
    curve: { type: 'boolean', default: false },
    json: { type: 'string' },
    errors: { type: 'string', default: '0' },
    training: { type: 'string', default: 'training' },
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
  const withBaseline = !values['no-baseline'];
  const results: SideBySide[] = [];
  if (values.file) {
    results.push(await onFile(corpus, readJsonl(values.file), values.file, withBaseline));
  } else {
    console.error('cross-validating …');
    results.push(await crossValidate(corpus, Number(values.k), withBaseline));
    console.error('held-out tests …');
    results.push(await heldOut(corpus, withBaseline));
  }
  results.forEach(printSide);
  let curve: ReturnType<typeof learningCurve> | undefined;
  if (values.curve) {
    curve = learningCurve(corpus, [0.1, 0.25, 0.5, 0.75, 1]);
    console.log('\n## learning curve (held-out tests)');
    for (const c of curve) console.log(`  ${pad(pct(c.share), 8)} ${pad(String(c.examples), 7)} examples  accuracy ${pct(c.report.accuracy)}`);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ results, curve }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
