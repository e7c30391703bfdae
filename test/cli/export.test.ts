import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileTagStore } from '../../src/bot/marketing/store/file.js';
import { rig } from '../bot/marketing/helpers.js';

function runExport(args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

let dir: string;
let log: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kefu-export-cli-'));
  log = join(dir, 'runtime', 'marketing', 'events.jsonl');
  const r = await rig(createFileTagStore({ file: log }));
  ids.baby = (await r.chat(['我宝宝刚出生，有没有婴儿连体衣，电话13812345678', '宝宝穿什么码']))[0]!.buyerId;
  ids.gift = (await r.chat(['女朋友过生日，想买一件送她，推荐哪款']))[0]!.buyerId;
  await r.marketing.close();
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('npm run export', () => {
  it('writes a segment as CSV with a BOM to stdout, and nothing else', async () => {
    const { stdout, code } = await runExport(['segment', '--tags', '母婴,有过下单咨询', '--log', log]);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF买家ID,标签,')).toBe(true);
    const rows = stdout.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(ids.baby);
  }, 30_000);

  it('writes tag events as JSON to a file, phone numbers masked', async () => {
    const out = join(dir, 'events.json');
    const { stdout, code } = await runExport(['events', '--format', 'json', '--out', out, '--log', log]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('13812345678');
    const events = JSON.parse(text) as Array<{ buyerId: string; tag: string; message: string }>;
    expect(events.some((e) => e.message.includes('138****5678'))).toBe(true);
    expect(new Set(events.map((e) => e.buyerId))).toEqual(new Set([ids.baby, ids.gift]));
  }, 30_000);

  it('lists who is due on a given store day', async () => {
    const before = await runExport(['due', '--format', 'json', '--date', '2025-07-17', '--log', log]);
    expect(JSON.parse(before.stdout)).toEqual([]);
    const on = await runExport(['due', '--format', 'json', '--date', '2025-07-18', '--log', log]);
    expect((JSON.parse(on.stdout) as Array<{ buyerId: string; step: string }>).map((d) => [d.buyerId, d.step])).toEqual([[ids.baby, 'coupon']]);
  }, 30_000);

  it('exits with 2 and the usage on stderr for a wrong command', async () => {
    for (const args of [['everything'], ['due', '--format', 'xlsx'], ['segment', '--idle-days', 'x'], ['due', '--date', 'tomorrow'], ['due', '--nope']]) {
      const { stdout, stderr, code } = await runExport([...args, '--log', log]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
