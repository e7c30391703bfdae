import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TurnObserver } from '../../src/bot/engine.js';
import { wireBot } from '../../src/server/wire-bot.js';
import { TEST_MODEL_CACHE } from '../global-setup.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('the wired bot', () => {
  it('closes only after turns under way are written and their observers ran, so a graceful stop loses nothing', async () => {
    const runtimeDir = mkdtempSync(join(tmpdir(), 'kefu-wire-test-'));
    dirs.push(runtimeDir);
    const seen: string[] = [];
    // A slow observer, as a feature's may be: close() must still wait for it.
    const observers: TurnObserver[] = [async (turn) => {
      await new Promise((ok) => setTimeout(ok, 50));
      seen.push(turn.raw);
    }];
    const wired = await wireBot({ dataDir: join(ROOT, 'data'), trainingDir: join(ROOT, 'training'), modelDir: TEST_MODEL_CACHE, runtimeDir, observers });
    const { sessionId } = await wired.bot.open(undefined);
    const turn = await wired.bot.handle(sessionId, '可以开发票吗');
    expect(turn.replies?.length).toBeGreaterThan(0);
    expect(seen).toEqual([]); // the reply did not wait for the observer
    await wired.close();
    expect(seen).toEqual(['可以开发票吗']);
    const file = readFileSync(join(runtimeDir, 'chats', sessionId.slice(0, 2), `${sessionId}.jsonl`), 'utf8');
    expect(file).toContain('可以开发票吗');
    expect(file).toContain(turn.replies![0]!.text.slice(0, 10));
  });
});
