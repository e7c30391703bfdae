/** A small corpus in a temp folder (a few real intents), so tests train in a worker in about a second. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TRAINING = resolve(import.meta.dirname, '../../../training');

/** Intents copied into the small corpus. */
export const SMALL_INTENTS = ['None', 'invoice', 'shipping', 'size', 'greeting'];

/** A temp training folder with SMALL_INTENTS copied from training/; remove it with `cleanup`. */
export function smallCorpus(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-small-corpus-'));
  for (const intent of SMALL_INTENTS) copyFileSync(join(TRAINING, `${intent}.json`), join(dir, `${intent}.json`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Rewrites one intent file of a temp corpus. */
export function editIntent(dir: string, intent: string, change: (f: { examples: Record<string, string[]> }) => void): void {
  const path = join(dir, `${intent}.json`);
  const f = JSON.parse(readFileSync(path, 'utf8')) as { examples: Record<string, string[]> };
  change(f);
  writeFileSync(path, `${JSON.stringify(f, null, 2)}\n`);
}
