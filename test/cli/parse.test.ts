import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_CACHE } from '../global-setup.js';

function runParse(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/parse.ts'], {
      env: { ...process.env, MODEL_DIR: TEST_MODEL_CACHE },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('npm run parse', () => {
  it('writes exactly one JSON line per input line, in order, and nothing else on stdout', async () => {
    const texts = ['可以开发票吗', '170 60kg穿什么码', '今天天气怎么样', 'my parcel arrived broken', '請問運費多少'];
    const { stdout, code } = await runParse(texts.map((text) => JSON.stringify({ text })).join('\n') + '\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(texts.length);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.text)).toEqual(texts);
    expect(out.map((o) => o.intent)).toEqual(['invoice', 'size', 'None', 'damage', 'shipping']);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(
        ['buyerType', 'entities', 'handoff', 'intent', 'painPoint', 'score', 'tags', 'text'].sort(),
      );
    }
    const size = out[1] as { entities: { kind: string; value: unknown }[] };
    expect(size.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'height', value: 170 }), expect.objectContaining({ kind: 'weight', value: 60 })]),
    );
  }, 60_000);

  it('fills handoff, tags, buyer type and pain point from the real pipeline', async () => {
    const texts = ['我要转人工', '我女朋友生日想送她一件 170 50kg 穿什么码', '东西到了 杯子碎了', '在吗'];
    const { stdout } = await runParse(texts.map((text) => JSON.stringify({ text })).join('\n'));
    const [human, gift, damage, hello] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(human!.handoff).toBe(true);
    expect(hello!.handoff).toBe(false);
    expect(gift!.tags).toEqual(expect.arrayContaining(['送礼', '送女友', '身高170']));
    expect(gift!.buyerType.buyingFor).toBe('gift');
    expect(damage!.painPoint.label).toBe('包裹破损');
    expect(hello!.painPoint).toBeNull();
  }, 60_000);

  it('answers a broken line with an error line and keeps going', async () => {
    const { stdout } = await runParse('{oops\n{"text":"在吗"}\n{"nope":1}\n');
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ error: 'bad_json' });
    expect(out[1]).toMatchObject({ text: '在吗', intent: 'greeting' });
    expect(out[2]).toMatchObject({ error: 'missing_text' });
  }, 60_000);
});
