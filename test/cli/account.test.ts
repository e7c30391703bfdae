import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAuth } from '../../src/server/auth/sessions.js';
import { createAccountFile } from '../../src/server/auth/accounts.js';

const run = promisify(execFile);
const account = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/account.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } });

describe('npm run account', () => {
  it('adds a rep who can then log in, and stores only a hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-cli-'));
    const { stdout } = await account(dir, 'add', 'alice', '--roles', 'rep', '--name', '小王', '--password', 'secret-pass-1');
    expect(stdout).toContain('saved alice');
    expect(readFileSync(join(dir, 'runtime', 'accounts.json'), 'utf8')).not.toContain('secret-pass-1');
    const auth = createAuth({ accounts: createAccountFile(join(dir, 'runtime', 'accounts.json')) });
    expect((await auth.login('alice', 'secret-pass-1'))?.roles).toEqual(['rep']);
    expect((await account(dir, 'list')).stdout).toContain('alice\t小王\trep');
  }, 30_000);

  it('refuses a short password with exit code 2 and a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'account-cli-'));
    const err = await account(dir, 'add', 'bob', '--roles', 'rep', '--password', 'x').catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain('at least 8 characters');
  }, 30_000);
});
