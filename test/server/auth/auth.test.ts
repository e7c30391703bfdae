import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAccount, createAccountFile, createMemoryAccounts, ensureFirstAccount } from '../../../src/server/auth/accounts.js';
import { createAuth, SESSION_COOKIE } from '../../../src/server/auth/sessions.js';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('staff auth', () => {
  it('keeps only a bcrypt hash of the password on disk and survives a reopen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'acc-')), 'accounts.json');
    await addAccount(createAccountFile(file), { user: 'alice', roles: ['rep'], password: 'correct horse' });
    const again = await createAccountFile(file).get('alice');
    expect(again?.hash).toMatch(/^\$2[aby]\$10\$/);
    expect(JSON.stringify(again)).not.toContain('correct horse');
  });

  it('logs in with the right password only, and checks the role', async () => {
    const accounts = createMemoryAccounts();
    await addAccount(accounts, { user: 'alice', roles: ['rep'], password: 'correct horse' });
    const auth = createAuth({ accounts });
    expect(await auth.login('alice', 'wrong password')).toBeNull();
    expect(await auth.login('nobody', 'correct horse')).toBeNull();
    const s = await auth.login('alice', 'correct horse');
    expect(s?.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(auth.fromRequest(req({ cookie: `${SESSION_COOKIE}=${s!.token}` }), 'rep')?.user).toBe('alice');
    expect(auth.fromRequest(req({ authorization: `Bearer ${s!.token}` }), 'rep')?.user).toBe('alice');
    expect(auth.fromRequest(req({ cookie: `${SESSION_COOKIE}=${s!.token}` }), 'trainer')).toBeNull();
    expect(auth.fromRequest(req({ cookie: `${SESSION_COOKIE}=forged` }), 'rep')).toBeNull();
    auth.logout(s!.token);
    expect(auth.fromRequest(req({ cookie: `${SESSION_COOKIE}=${s!.token}` }), 'rep')).toBeNull();
  });

  it('expires sessions after their time to live', async () => {
    let now = 1_000;
    const accounts = createMemoryAccounts();
    await addAccount(accounts, { user: 'bob', roles: ['trainer'], password: 'long enough' });
    const auth = createAuth({ accounts, clock: () => now, ttlMs: 60_000 });
    const s = await auth.login('bob', 'long enough');
    now += 59_000;
    expect(auth.fromRequest(req({ authorization: `Bearer ${s!.token}` }), 'trainer')).not.toBeNull();
    now += 2_000;
    expect(auth.fromRequest(req({ authorization: `Bearer ${s!.token}` }), 'trainer')).toBeNull();
  });

  it('creates a first admin with a random password only when there is no account', async () => {
    const accounts = createMemoryAccounts();
    const first = await ensureFirstAccount(accounts);
    expect(first?.user).toBe('admin');
    expect(first!.password.length).toBeGreaterThanOrEqual(12);
    expect(await ensureFirstAccount(accounts)).toBeNull();
    const auth = createAuth({ accounts });
    expect((await auth.login('admin', first!.password))?.roles.sort()).toEqual(['ops', 'rep', 'trainer']);
  });

  it('refuses weak passwords and odd user names', async () => {
    const accounts = createMemoryAccounts();
    await expect(addAccount(accounts, { user: 'al', roles: ['rep'], password: 'short' })).rejects.toThrow(/8 characters/);
    await expect(addAccount(accounts, { user: '../x', roles: ['rep'], password: 'long enough' })).rejects.toThrow(/user name/);
  });
});
