import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonlStore } from '../../src/bot/store/jsonl.js';
import { said, testBot } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

describe('the bot on the JSONL store', () => {
  it('survives a restart: history, collected facts and the topic are all still there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kefu-bot-'));
    dirs.push(dir);
    const before = await testBot({ store: createJsonlStore({ dir }) });
    const { sessionId } = await before.bot.open(undefined);
    await before.bot.handle(sessionId, '170 60kg穿什么码');
    await before.bot.handle(sessionId, '有黑色吗');
    await before.bot.idle();
    await before.store.close();

    // A new process: a new store and bot on the same directory.
    const after = await testBot({ store: createJsonlStore({ dir }) });
    const chat = await after.bot.open(sessionId);
    expect(chat.resumed).toBe(true);
    expect(chat.history.filter((l) => l.from === 'buyer').map((l) => l.text)).toEqual(['170 60kg穿什么码', '有黑色吗']);
    // The follow-up is read against the turn before the restart, and the size advice still knows 170/60.
    expect(said(await after.bot.handle(sessionId, '那白色呢'))).toContain('燕麦白有货');
    expect(said(await after.bot.handle(sessionId, '这件穿什么码'))).toMatch(/170cm.*60kg.*M 码/);
    // The reply does not wait for the disk: let the last turn's write finish before the directory is removed.
    await after.bot.idle();
    await after.store.close();
  });
});
