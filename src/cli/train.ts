/**
 * `npm run train [-- --force]`: trains a model from training/ (in a worker), scores it and the current model on the
 * held-out tests, and registers it in data/models/registry. It becomes current only if the regression gate passes
 * (or with --force); a running server picks the new current model up by itself within a few seconds.
 */
import { join } from 'node:path';
import { createFileRegistryStore, createRegistry } from '../intents/registry/index.js';
import { createRetrainer } from '../intents/registry/retrain.js';
import { createTrainRunner } from '../intents/train-runner.js';
import { cliPaths } from './paths.js';

const { trainingDir, cacheDir } = cliPaths();
const registry = createRegistry(createFileRegistryStore(join(cacheDir, 'registry')));
const retrainer = createRetrainer({ registry, runner: createTrainRunner(), trainingDir, onSwitch: () => undefined });
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

console.error(`training on ${trainingDir} …`);
const job = await retrainer.retrain('cli');
if (job.state === 'failed') {
  console.error(`training failed (${job.error?.code}): ${job.error?.message}`);
  process.exit(1);
}
const entry = (await registry.get(job.version!))!;
const gate = job.gate!;
console.log(`model ${entry.version}: ${entry.corpusSize} examples, ${entry.intents.length} intents, trained in ${entry.trainMs} ms`);
console.log(`held-out accuracy ${pct(gate.accuracyBefore)} → ${pct(gate.accuracyAfter)} (${entry.tests} tests; ${gate.flipped.length} flipped, ${gate.fixed.length} fixed)`);
for (const w of gate.worse) console.log(`  ${w.broken ? 'BROKEN' : 'worse '} ${w.intent}: ${pct(w.before)} → ${pct(w.after)} of ${w.support}`);
for (const f of gate.flipped.slice(0, 20)) console.log(`  ✗ ${f.text}  [${f.expected}: ${f.before} → ${f.after}]`);
if (job.state === 'switched') console.log('passed the regression gate: now current');
else if (process.argv.includes('--force')) {
  await retrainer.confirm(job.version!, 'npm run train --force');
  console.log('held back by the regression gate, switched in anyway (--force)');
} else {
  console.log(`held back by the regression gate (${gate.reasons.join(', ')}): confirm it on the trainer page, or run again with --force`);
  process.exitCode = 2;
}
