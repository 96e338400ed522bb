import { describe, expect, it } from 'vitest';
import { apiTokenSchema, createdApiTokenSchema, meSchema } from '../../shared/api/schemas';
import { Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { SEED_PASSWORD } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

const ctx = setupSeededServer({
  groups: [],
  people: { owner: { role: Role.member }, other: { role: Role.member } },
});

describe('API tokens', () => {
  it('are created with a name, shown once, work as Bearer tokens, and stop working when revoked', async () => {
    const owner = ctx.workspace.people.owner.token;
    const created = await apiRequest(ctx.server.url, 'POST', '/api/tokens', {
      token: owner,
      json: { name: ' 统计脚本 ', currentPassword: SEED_PASSWORD },
    });
    expect(created.status).toBe(201);
    const { token, record } = expectOk(created, createdApiTokenSchema);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ name: '统计脚本', lastUsedAt: null });

    const me = expectOk(await apiRequest(ctx.server.url, 'GET', '/api/me', { token }), meSchema);
    expect(me.username).toBe('owner');
    const listed = await apiRequest(ctx.server.url, 'GET', '/api/tokens', { token: owner });
    const tokens = (listed.body as { tokens: unknown[] }).tokens.map((item) => apiTokenSchema.parse(item));
    expect(tokens).toEqual([{ ...record, lastUsedAt: expect.any(Number) }]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const byOther = await apiRequest(ctx.server.url, 'DELETE', `/api/tokens/${record.id}`, {
      token: ctx.workspace.people.other.token,
    });
    expect(byOther.status).toBe(404);
    expect((await apiRequest(ctx.server.url, 'DELETE', `/api/tokens/${record.id}`, { token: owner })).status).toBe(204);
    const revoked = await apiRequest(ctx.server.url, 'GET', '/api/me', { token });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: 'unauthorized' });
    expect((await apiRequest(ctx.server.url, 'GET', '/api/tokens', { token: owner })).body).toEqual({ tokens: [] });
    expect((await apiRequest(ctx.server.url, 'DELETE', `/api/tokens/${record.id}`, { token: owner })).status).toBe(404);
  });

  it('need a name', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/tokens', {
      token: ctx.workspace.people.owner.token,
      json: { name: '   ', currentPassword: SEED_PASSWORD },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', field: 'name' });
  });
});
