import { describe, expect, it } from 'vitest';
import { deviceKeySchema } from '../../shared/api/device';
import { createdApiTokenSchema, sessionSchema } from '../../shared/api/schemas';
import { Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { SEED_PASSWORD } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

const ctx = setupSeededServer({
  groups: [],
  people: { owner: { role: Role.member }, other: { role: Role.member } },
});

async function deviceKeyOf(token: string): Promise<string> {
  const answer = await apiRequest(ctx.server.url, 'GET', '/api/me/device-key', { token });
  expect(answer.headers.get('cache-control')).toBe('no-store');
  return expectOk(answer, deviceKeySchema).key;
}

describe('GET /api/me/device-key', () => {
  it('gives each account one key on every session, another account another', async () => {
    const { owner, other } = ctx.workspace.people;
    const first = await deviceKeyOf(owner.token);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    const again = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      json: { username: owner.username, password: SEED_PASSWORD },
    });
    expect(await deviceKeyOf(expectOk(again, sessionSchema).token)).toBe(first);
    expect(await deviceKeyOf(other.token)).not.toBe(first);
  });

  it('is refused without a session, and to an API token', async () => {
    const none = await apiRequest(ctx.server.url, 'GET', '/api/me/device-key');
    expect(none.status).toBe(401);
    const created = await apiRequest(ctx.server.url, 'POST', '/api/tokens', {
      token: ctx.workspace.people.owner.token,
      json: { name: '脚本', currentPassword: SEED_PASSWORD },
    });
    const { token } = expectOk(created, createdApiTokenSchema);
    const refused = await apiRequest(ctx.server.url, 'GET', '/api/me/device-key', { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ message: expect.stringContaining('not to an API token') });
  });
});
