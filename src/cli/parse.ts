/**
 * `npm run --silent parse`: JSON lines {"text"} on stdin → one JSON line per input on stdout, in order:
 * {"text","intent","score","entities","handoff","tags","buyerType","painPoint"}. Logs go to stderr only.
 */
import { createInterface } from 'node:readline';
import { loadOrTrainNlu } from '../intents/index.js';
import { cliPaths } from './paths.js';

async function main(): Promise<void> {
  const nlu = await loadOrTrainNlu({ ...cliPaths(), log: (m) => console.error(m) });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      process.stdout.write(`${JSON.stringify({ text: null, error: 'bad_json' })}\n`);
      continue;
    }
    if (typeof text !== 'string') {
      process.stdout.write(`${JSON.stringify({ text: null, error: 'missing_text' })}\n`);
      continue;
    }
    const norm = nlu.normalise(text);
    const c = nlu.classify(norm);
    const out = {
      text,
      intent: c.intent,
      score: Number(c.score.toFixed(4)),
      entities: nlu.extract(norm).map(({ kind, value, text: t }) => ({ kind, value, text: t })),
      handoff: null,
      tags: null,
      buyerType: null,
      painPoint: null,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
