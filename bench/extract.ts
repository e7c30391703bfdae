/**
 * Speed of the extract stage: mood (+ threat), tags, buyer type and pain point together, per message.
 * Sentences: every example and held-out test in training/*.json (all three scripts) plus test/fixtures/realistic.jsonl.
 * Normalising and entity extraction are done beforehand and not timed: they belong to earlier stages.
 * Run: npx tsx bench/extract.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise } from '../src/intents/normalise.js';
import { extractEntities } from '../src/intents/entities.js';
import { INTENT_IDS, type Entity, type IntentId, type Normalised } from '../src/intents/types.js';
import { badReviewThreat, detectMood } from '../src/bot/extract/mood.js';
import { extractTags, loadTagRules } from '../src/bot/extract/tags.js';
import { describeBuyer } from '../src/bot/extract/buyerType.js';
import { findPainPoint } from '../src/bot/extract/painPoint.js';

const ROOT = join(import.meta.dirname, '..');
const PASSES = 5;

interface Sample { norm: Normalised; entities: Entity[]; intent: IntentId }

function sentences(): Array<{ text: string; intent: IntentId }> {
  const out: Array<{ text: string; intent: IntentId }> = [];
  const dir = join(ROOT, 'training');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      intent: IntentId; examples?: Record<string, string[]>; tests?: Record<string, string[]>;
    };
    for (const part of [data.examples, data.tests]) {
      for (const list of Object.values(part ?? {})) for (const text of list) out.push({ text, intent: data.intent });
    }
  }
  const known = new Set<string>(INTENT_IDS);
  for (const line of readFileSync(join(ROOT, 'test/fixtures/realistic.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string; intent: string };
    if (known.has(row.intent)) out.push({ text: row.text, intent: row.intent as IntentId });
  }
  return out;
}

function extractAll(s: Sample, rules: ReturnType<typeof loadTagRules>): number {
  const mood = detectMood(s.norm, s.entities);
  const threat = badReviewThreat(s.norm);
  const tags = extractTags({ norm: s.norm, entities: s.entities, intent: s.intent, rules });
  const buyer = describeBuyer({ history: [], priorChats: 0, memberLevel: null, tags, mood, messages: 1, norm: s.norm });
  const pain = findPainPoint({ intents: [s.intent], norm: s.norm, entities: s.entities, tags });
  // Returned so the work cannot be optimised away.
  return tags.length + buyer.label.length + (pain?.label.length ?? 0) + (threat ? 1 : 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function report(name: string, micros: number[]): void {
  const sorted = [...micros].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const f = (v: number): string => `${(v / 1000).toFixed(4)} ms`;
  console.log(`${name.padEnd(26)} median ${f(percentile(sorted, 50))}  p99 ${f(percentile(sorted, 99))}  mean ${f(mean)}  max ${f(sorted.at(-1) ?? 0)}`);
}

function time(samples: Sample[], fn: (s: Sample) => number): number[] {
  const out: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const s of samples) {
      const t0 = process.hrtime.bigint();
      sink += fn(s);
      out.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  if (sink < 0) console.log(sink);
  return out;
}

const rules = loadTagRules(join(ROOT, 'data/tag-rules.json'));
const samples: Sample[] = sentences().map(({ text, intent }) => {
  const norm = normalise(text);
  return { norm, entities: extractEntities(norm.text), intent };
});
// Warm-up pass so the regular expressions are compiled and the JIT has run.
for (const s of samples) extractAll(s, rules);

console.log(`${samples.length} sentences × ${PASSES} passes, ${rules.length} tag rules`);
report('all four (per message)', time(samples, (s) => extractAll(s, rules)));
report('tags only', time(samples, (s) => extractTags({ norm: s.norm, entities: s.entities, intent: s.intent, rules }).length));
report('mood + threat', time(samples, (s) => detectMood(s.norm, s.entities).length + (badReviewThreat(s.norm) ? 1 : 0)));
