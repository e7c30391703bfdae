/**
 * `npm run --silent parse`: JSON lines {"text"} on stdin → one JSON line per input on stdout, in order:
 * {"text","intent","score","entities","handoff","tags","buyerType","painPoint"}. Each line runs through the real
 * pipeline as the first message of a fresh chat (in memory; nothing is written). Logs go to stderr only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createBot } from '../bot/engine.js';
import { loadTagRules } from '../bot/extract/lexicon/tagRules.js';
import { shopWithHandoffRules } from '../bot/handoff/index.js';
import { loadShop } from '../bot/shop/load.js';
import { createMemoryStore } from '../bot/store/memory.js';
import type { Bot } from '../bot/types.js';
import { loadOrTrainNlu } from '../intents/index.js';
import { cliPaths } from './paths.js';

const write = (o: unknown): boolean => process.stdout.write(`${JSON.stringify(o)}\n`);

async function parseOne(bot: Bot, text: string): Promise<Record<string, unknown>> {
  const { sessionId } = await bot.open(undefined);
  const turn = await bot.handle(sessionId, text);
  const c = turn.classification;
  return {
    text,
    intent: c?.intent ?? 'None',
    score: Number((c?.score ?? 0).toFixed(4)),
    entities: (turn.entities ?? []).map(({ kind, value, text: t }) => ({ kind, value, text: t })),
    handoff: turn.decision?.kind === 'handoff',
    tags: [...new Set((turn.tags ?? []).map((t) => t.tag))],
    buyerType: turn.buyerType ?? null,
    painPoint: turn.painPoint ?? null,
  };
}

async function main(): Promise<void> {
  const paths = cliPaths();
  const dataDir = process.env.DATA_DIR ?? 'data';
  const nlu = await loadOrTrainNlu({ ...paths, log: (m) => console.error(m) });
  const rulesFile = join(dataDir, 'tag-rules.json');
  const bot = createBot({
    nlu,
    store: createMemoryStore(),
    shop: shopWithHandoffRules(loadShop(join(dataDir, 'store.json')), dataDir),
    rules: existsSync(rulesFile) ? loadTagRules(rulesFile) : [],
    trainingDir: paths.trainingDir,
    log: (m, err) => console.error(m, err ?? ''),
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      write({ text: null, error: 'bad_json' });
      continue;
    }
    if (typeof text !== 'string') {
      write({ text: null, error: 'missing_text' });
      continue;
    }
    write(await parseOne(bot, text));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
