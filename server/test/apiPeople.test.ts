import { beforeEach, describe, expect, it } from 'vitest';
import { createdApiTokenSchema, createdInvitationSchema, meSchema, sessionSchema } from '../../shared/api/schemas';
import { Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { SEED_PASSWORD, seedWorkspace } from './support/seedWorkspace';
import { setupTestServer } from './support/setupTestServer';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server's clock: starts at the real time for each test, which may move it on. */
const clock = { now: 0 };
beforeEach(() => {
  clock.now = Date.now();
});
const ctx = setupTestServer({ isPerTest: true, server: { now: () => clock.now } });

function seed() {
  return seedWorkspace(ctx.server, {
    groups: ['经济界', '教育界'],
    people: {
      member: { role: Role.member, groups: ['经济界'] },
      convener: { role: Role.convener, groups: ['经济界'] },
    },
  });
}

/** A member's invitation made by the secretariat, with no groups. */
async function inviteMember(secretariatToken: string) {
  const created = await apiRequest(ctx.server.url, 'POST', '/api/invitations', {
    token: secretariatToken,
    json: { role: Role.member, groupIds: [] },
  });
  return expectOk(created, createdInvitationSchema);
}

const joiner = { username: 'zhang.san', name: '张三', password: 'joining-password' };

describe('invitations', () => {
  it('give a link to the request origin that shows the role and groups, and joins a person once', async () => {
    const { secretariat, groups } = await seed();
    const groupIds = [groups.经济界.id, groups.教育界.id];
    const created = await apiRequest(ctx.server.url, 'POST', '/api/invitations', {
      token: secretariat.token,
      json: { role: Role.convener, groupIds },
    });
    expect(created.status).toBe(201);
    const { url, token, invitation } = expectOk(created, createdInvitationSchema);
    expect(url).toBe(`${ctx.server.url}/join/${token}`);
    expect(invitation).toMatchObject({ role: 'convener', groupIds, expiresAt: clock.now + 7 * DAY_MS });

    const listed = await apiRequest(ctx.server.url, 'GET', '/api/invitations', { token: secretariat.token });
    expect(listed.body).toEqual({ invitations: [invitation] });

    const preview = await apiRequest(ctx.server.url, 'GET', `/api/invitations/${token}`);
    expect(preview.body).toEqual({
      role: 'convener',
      groups: [
        { id: groupIds[0], name: '经济界' },
        { id: groupIds[1], name: '教育界' },
      ],
      unit: null,
      expiresAt: invitation.expiresAt,
    });

    const accepted = await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, { json: joiner });
    expect(accepted.status).toBe(201);
    const session = expectOk(accepted, sessionSchema);
    expect(session.user).toMatchObject({ username: 'zhang.san', name: '张三', role: 'convener' });
    expect(new Set(session.user.groupIds)).toEqual(new Set(groupIds));

    const reused = await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, {
      json: { ...joiner, username: 'someone.else' },
    });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({
      error: 'gone',
      message: expect.stringContaining('used already or has expired'),
    });
    expect((await apiRequest(ctx.server.url, 'GET', `/api/invitations/${token}`)).status).toBe(410);
    expect((await apiRequest(ctx.server.url, 'GET', '/api/invitations', { token: secretariat.token })).body).toEqual({
      invitations: [],
    });
  });

  it('expire after seven days', async () => {
    const { secretariat } = await seed();
    const { token } = await inviteMember(secretariat.token);
    clock.now += 7 * DAY_MS;
    expect((await apiRequest(ctx.server.url, 'GET', `/api/invitations/${token}`)).status).toBe(410);
    expect(
      (await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, { json: joiner })).status,
    ).toBe(410);
  });

  it('answer 404 for a link that names no invitation, whole or truncated', async () => {
    const { secretariat } = await seed();
    const { token } = await inviteMember(secretariat.token);
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [token.slice(0, -1), `${token}A`, changed, 'x']) {
      const answer = await apiRequest(ctx.server.url, 'GET', `/api/invitations/${wrong}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: 'not_found' });
    }
  });

  it('refuse a taken username with 409 and stay usable', async () => {
    const { secretariat } = await seed();
    const { token } = await inviteMember(secretariat.token);
    const taken = await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, {
      json: { ...joiner, username: 'member' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'conflict', message: expect.stringContaining('"member"') });
    expect(
      (await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, { json: joiner })).status,
    ).toBe(201);
  });

  it('are made by the secretariat only, for groups that exist', async () => {
    const { secretariat, people, groups } = await seed();
    const byConvener = await apiRequest(ctx.server.url, 'POST', '/api/invitations', {
      token: people.convener.token,
      json: { role: Role.member, groupIds: [] },
    });
    expect(byConvener.status).toBe(403);
    expect(byConvener.body).toMatchObject({ error: 'forbidden', denial: 'role' });

    const missing = '00000000-0000-4000-8000-000000000001';
    const unknownGroup = await apiRequest(ctx.server.url, 'POST', '/api/invitations', {
      token: secretariat.token,
      json: { role: Role.member, groupIds: [groups.经济界.id, missing] },
    });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body).toMatchObject({ error: 'bad_request', field: 'groupIds.1' });
  });
});

describe('deactivating an account', () => {
  it('ends its sessions and API tokens, refuses its sign-in, and can be undone', async () => {
    const { secretariat, people } = await seed();
    const apiToken = expectOk(
      await apiRequest(ctx.server.url, 'POST', '/api/tokens', {
        token: people.member.token,
        json: { name: 'script', currentPassword: SEED_PASSWORD },
      }),
      createdApiTokenSchema,
    ).token;
    const path = `/api/people/${people.member.id}`;

    const answer = await apiRequest(ctx.server.url, 'PATCH', path, {
      token: secretariat.token,
      json: { isActive: false },
    });
    expect(answer.body).toMatchObject({ id: people.member.id, isActive: false });
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.member.token })).status).toBe(401);
    const byApiToken = await apiRequest(ctx.server.url, 'GET', '/api/me', { token: apiToken });
    expect(byApiToken.status).toBe(401);
    expect(byApiToken.body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('deactivated') });
    const signIn = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      json: { username: 'member', password: SEED_PASSWORD },
    });
    expect(signIn.status).toBe(401);
    expect(signIn.body).toMatchObject({ message: expect.stringContaining('deactivated') });

    await apiRequest(ctx.server.url, 'PATCH', path, { token: secretariat.token, json: { isActive: true } });
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token: apiToken })).status).toBe(200);
  });

  it('is for the secretariat only, and not of its own account', async () => {
    const { secretariat, people } = await seed();
    const byConvener = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${people.member.id}`, {
      token: people.convener.token,
      json: { isActive: false },
    });
    expect(byConvener.status).toBe(403);
    expect(byConvener.body).toMatchObject({ error: 'forbidden', denial: 'role' });

    const self = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${secretariat.id}`, {
      token: secretariat.token,
      json: { isActive: false },
    });
    expect(self.status).toBe(409);
    const unknown = await apiRequest(ctx.server.url, 'PATCH', '/api/people/00000000-0000-4000-8000-000000000009', {
      token: secretariat.token,
      json: { isActive: false },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('people', () => {
  it('are listed for everyone signed in, without secrets', async () => {
    const { people } = await seed();
    const answer = await apiRequest(ctx.server.url, 'GET', '/api/people', { token: people.member.token });
    const listed = (answer.body as { people: Record<string, unknown>[] }).people;
    expect(listed.map((person) => person.username).sort()).toEqual(['convener', 'member', 'secretariat']);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['groupIds', 'id', 'isActive', 'name', 'role', 'username']);
    expect(
      expectOk(await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.member.token }), meSchema),
    ).toMatchObject({ mustChangePassword: false });
  });
});
