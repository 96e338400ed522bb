import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Role } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import { Authenticator } from './Authenticator';
import { SESSION_TTL_MS, startSession } from './sessions';
import { openTestWorkspace, type TestWorkspace } from './testWorkspace';
import { hashToken, newToken } from './tokens';

let workspace: TestWorkspace;
let now: number;
let authenticator: Authenticator;

beforeEach(() => {
  workspace = openTestWorkspace();
  now = 1_000_000;
  authenticator = new Authenticator({ accounts: workspace.accounts, now: () => now });
});
afterEach(() => workspace.dispose());

const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Stores an API token named `ci` with id `t1` for the user; answers the token itself. */
async function createApiToken(userId: UserRecord['id']): Promise<string> {
  const token = newToken();
  await workspace.accounts.createApiToken({
    id: 't1',
    userId,
    name: 'ci',
    tokenHash: hashToken(token),
    createdAt: 1,
    expiresAt: now + TOKEN_LIFETIME_MS,
  });
  return token;
}

describe('Authenticator', () => {
  it('knows the holder of a session token, as a user and as an actor', async () => {
    const group = await workspace.addGroup('g');
    const user = await workspace.addUser('li', Role.convener, [group]);
    const token = await startSession(workspace.accounts, user.id, now);
    const context = await authenticator.authenticate(token);
    expect(context).toMatchObject({ kind: 'session', user: { id: user.id } });
    expect(context?.actor).toEqual({ id: user.id, role: 'convener', groupIds: [group], isActive: true, unitId: null });
  });

  it('refuses a session after 30 days and forgets it', async () => {
    const user = await workspace.addUser('li', Role.member);
    const token = await startSession(workspace.accounts, user.id, now);
    now += SESSION_TTL_MS;
    expect(await authenticator.check(token)).toEqual({ ok: false, failure: 'invalid' });
    expect(await workspace.accounts.findSession(hashToken(token))).toBeNull();
  });

  it('knows the holder of an API token until it is revoked, and records its use', async () => {
    const user = await workspace.addUser('li', Role.member);
    const token = await createApiToken(user.id);
    expect(await authenticator.authenticate(token)).toMatchObject({ kind: 'api_token', user: { id: user.id } });
    expect((await workspace.accounts.listApiTokens(user.id))[0]?.lastUsedAt).toBe(now);
    await workspace.accounts.revokeApiToken(user.id, 't1', now);
    expect(await authenticator.authenticate(token)).toBeNull();
  });

  it('refuses an API token once it has expired', async () => {
    const user = await workspace.addUser('li', Role.member);
    const token = await createApiToken(user.id);
    now += TOKEN_LIFETIME_MS - 1;
    expect(await authenticator.authenticate(token)).toMatchObject({ kind: 'api_token' });
    now += 1;
    expect(await authenticator.check(token)).toEqual({ ok: false, failure: 'invalid' });
  });

  it('records the last use of an API token at most once a minute', async () => {
    const user = await workspace.addUser('li', Role.member);
    const token = await createApiToken(user.id);
    const first = now;
    await authenticator.authenticate(token);
    now += 59_999;
    await authenticator.authenticate(token);
    expect((await workspace.accounts.listApiTokens(user.id))[0]?.lastUsedAt).toBe(first);
    now += 1;
    await authenticator.authenticate(token);
    expect((await workspace.accounts.listApiTokens(user.id))[0]?.lastUsedAt).toBe(now);
  });

  it('refuses every credential of a deactivated account, saying so', async () => {
    const user = await workspace.addUser('li', Role.member);
    const token = await createApiToken(user.id);
    await workspace.accounts.setUserActive(user.id, false);
    expect(await authenticator.check(token)).toEqual({ ok: false, failure: 'inactive' });
  });

  it('refuses missing, unknown and malformed tokens (R15)', async () => {
    const user = await workspace.addUser('li', Role.member);
    const real = await startSession(workspace.accounts, user.id, now);
    expect(await authenticator.check(null)).toEqual({ ok: false, failure: 'missing' });
    expect(await authenticator.check('')).toEqual({ ok: false, failure: 'missing' });
    for (const bad of [newToken(), real.slice(0, -1), `${real}x`, 'x'.repeat(8192), 'eyJhbGciOiJub25lIn0.e30.']) {
      expect(await authenticator.check(bad)).toEqual({ ok: false, failure: 'invalid' });
    }
  });
});
