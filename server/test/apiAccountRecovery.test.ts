import { beforeEach, describe, expect, it } from 'vitest';
import { inboxSchema } from '../../shared/api/review';
import {
  apiTokenSchema,
  createdApiTokenSchema,
  createdInvitationSchema,
  passwordResetSchema,
  personSchema,
  rosterResultSchema,
  sessionSchema,
} from '../../shared/api/schemas';
import { CloseCode, type DocId, DocKind, Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { SyncClient } from './support/SyncClient';
import { SEED_PASSWORD, seedWorkspace } from './support/seedWorkspace';
import { setupTestServer } from './support/setupTestServer';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server's clock: starts at the real time for each test, which may move it on. */
const clock = { now: 0 };
beforeEach(() => {
  clock.now = Date.now();
});
const clients: SyncClient[] = [];
const ctx = setupTestServer({
  isPerTest: true,
  server: { now: () => clock.now },
  onBeforeDispose: async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  },
});

/** A live relay connection to a document, closed after the test. */
async function connect(docId: DocId, token: string): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, docId, { token });
  clients.push(client);
  return client;
}

function seed() {
  return seedWorkspace(ctx.server, {
    groups: ['经济界', '教育界'],
    people: {
      member: { role: Role.member, groups: ['经济界'], name: '林国栋' },
      convener: { role: Role.convener, groups: ['经济界'] },
    },
  });
}

async function createToken(token: string, json: Record<string, unknown>) {
  return apiRequest(ctx.server.url, 'POST', '/api/tokens', { token, json });
}

async function listTokens(token: string) {
  const answer = await apiRequest(ctx.server.url, 'GET', '/api/tokens', { token });
  return (answer.body as { tokens: unknown[] }).tokens.map((item) => apiTokenSchema.parse(item));
}

function status(path: string, token: string, method = 'GET') {
  return apiRequest(ctx.server.url, method, path, { token }).then((answer) => answer.status);
}

function signIn(username: string, password: string) {
  return apiRequest(ctx.server.url, 'POST', '/api/session', { json: { username, password } });
}

describe('making an API token', () => {
  it('needs the current password: refused without it and with a wrong one', async () => {
    const { people } = await seed();
    const without = await createToken(people.member.token, { name: '脚本' });
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ error: 'bad_request', field: 'currentPassword' });
    const wrong = await createToken(people.member.token, { name: '脚本', currentPassword: 'not-my-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      field: 'currentPassword',
      message: expect.stringContaining('The current password is wrong'),
    });
    expect(await listTokens(people.member.token)).toEqual([]);
  });

  it('gives it the lifetime chosen (90 days unless asked), and refuses other lifetimes', async () => {
    const { people } = await seed();
    const chosen = await createToken(people.member.token, {
      name: '月报',
      currentPassword: SEED_PASSWORD,
      expiresInDays: 30,
    });
    expect(expectOk(chosen, createdApiTokenSchema).record.expiresAt).toBe(clock.now + 30 * DAY_MS);
    const byDefault = await createToken(people.member.token, { name: '季报', currentPassword: SEED_PASSWORD });
    expect(expectOk(byDefault, createdApiTokenSchema).record.expiresAt).toBe(clock.now + 90 * DAY_MS);
    const odd = await createToken(people.member.token, { name: 'x', currentPassword: SEED_PASSWORD, expiresInDays: 7 });
    expect(odd.status).toBe(400);
    expect(odd.body).toMatchObject({ field: 'expiresInDays' });
  });

  it('stops working when it expires', async () => {
    const { people } = await seed();
    const created = await createToken(people.member.token, {
      name: '月报',
      currentPassword: SEED_PASSWORD,
      expiresInDays: 30,
    });
    const { token } = expectOk(created, createdApiTokenSchema);
    clock.now += 30 * DAY_MS - 1;
    expect(await status('/api/me', token)).toBe(200);
    clock.now += 1;
    const expired = await apiRequest(ctx.server.url, 'GET', '/api/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: 'unauthorized' });
  });

  it('shows when it was last used, written at most once a minute', async () => {
    const { people } = await seed();
    const { token, record } = expectOk(
      await createToken(people.member.token, { name: '脚本', currentPassword: SEED_PASSWORD }),
      createdApiTokenSchema,
    );
    expect(record.lastUsedAt).toBeNull();
    const firstUse = clock.now;
    await status('/api/me', token);
    clock.now += 30_000;
    await status('/api/me', token);
    expect((await listTokens(people.member.token))[0]?.lastUsedAt).toBe(firstUse);
    clock.now += 30_000;
    await status('/api/me', token);
    expect((await listTokens(people.member.token))[0]?.lastUsedAt).toBe(clock.now);
  });

  it("tells the owner in their notifications, with the token's name", async () => {
    const { people } = await seed();
    await createToken(people.member.token, { name: '数据导出', currentPassword: SEED_PASSWORD });
    const inbox = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: people.member.token }),
      inboxSchema,
    );
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.notifications).toEqual([
      expect.objectContaining({
        type: 'token_created',
        docId: null,
        excerpt: '数据导出',
        actorId: people.member.id,
        at: clock.now,
        readAt: null,
      }),
    ]);
    const others = await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: people.convener.token });
    expect(expectOk(others, inboxSchema).notifications).toEqual([]);
    const read = await apiRequest(ctx.server.url, 'POST', '/api/notifications/read', {
      token: people.member.token,
      json: { ids: [inbox.notifications[0]?.id] },
    });
    expect(read.body).toEqual({ unreadCount: 0 });
  });
});

describe('changing one’s password', () => {
  it('revokes every API token of the person, and the answer says how many', async () => {
    const { people } = await seed();
    const { token } = expectOk(
      await createToken(people.member.token, { name: '脚本', currentPassword: SEED_PASSWORD }),
      createdApiTokenSchema,
    );
    expect(await status('/api/me', token)).toBe(200);
    const changed = await apiRequest(ctx.server.url, 'POST', '/api/me/password', {
      token: people.member.token,
      json: { currentPassword: SEED_PASSWORD, newPassword: 'a-new-password' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ revokedApiTokens: 1 });
    expect(await status('/api/me', token)).toBe(401);
    expect(await status('/api/me', people.member.token)).toBe(200);
    expect(await listTokens(people.member.token)).toEqual([]);
  });
});

describe('the secretariat resets a password in the app', () => {
  it('gives a one-time password and ends every sign-in and API token of the person', async () => {
    const { secretariat, people } = await seed();
    const { token } = expectOk(
      await createToken(people.member.token, { name: '脚本', currentPassword: SEED_PASSWORD }),
      createdApiTokenSchema,
    );
    const answer = await apiRequest(ctx.server.url, 'POST', `/api/people/${people.member.id}/reset-password`, {
      token: secretariat.token,
    });
    expect(answer.status).toBe(200);
    const reset = expectOk(answer, passwordResetSchema);
    expect(reset).toMatchObject({ revokedApiTokens: 1, person: { id: people.member.id, name: '林国栋' } });
    expect(reset.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    expect(await status('/api/me', people.member.token)).toBe(401);
    expect(await status('/api/me', token)).toBe(401);
    expect((await signIn('member', SEED_PASSWORD)).status).toBe(401);
    const signedIn = expectOk(await signIn('member', reset.oneTimePassword), sessionSchema);
    expect(signedIn.user.mustChangePassword).toBe(true);
  });

  it("closes the person's live connections, those opened with an API token too", async () => {
    const workspace = await seed();
    const doc = await workspace.createDoc('member', { groupKey: '经济界', kind: DocKind.proposal });
    const { token } = expectOk(
      await createToken(workspace.people.member.token, { name: '脚本', currentPassword: SEED_PASSWORD }),
      createdApiTokenSchema,
    );
    const bySession = await connect(doc.id, workspace.people.member.token);
    const byToken = await connect(doc.id, token);
    const byOther = await connect(doc.id, workspace.people.convener.token);
    const answer = await apiRequest(
      ctx.server.url,
      'POST',
      `/api/people/${workspace.people.member.id}/reset-password`,
      {
        token: workspace.secretariat.token,
      },
    );
    expect(answer.status).toBe(200);
    expect((await bySession.waitClosed()).code).toBe(CloseCode.unauthorized);
    expect((await byToken.waitClosed()).code).toBe(CloseCode.unauthorized);
    expect(byOther.closed).toBeNull();
  });

  it('is refused to a member who tries anyway, changing nothing (P2)', async () => {
    const { people } = await seed();
    const byMember = await apiRequest(ctx.server.url, 'POST', `/api/people/${people.convener.id}/reset-password`, {
      token: people.member.token,
    });
    expect(byMember.status).toBe(403);
    expect(byMember.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    const byConvener = await apiRequest(ctx.server.url, 'POST', `/api/people/${people.member.id}/reset-password`, {
      token: people.convener.token,
    });
    expect(byConvener.status).toBe(403);
    expect(await status('/api/me', people.member.token)).toBe(200);
    expect((await signIn('member', SEED_PASSWORD)).status).toBe(200);
  });

  it('is not for one’s own account, nor for nobody', async () => {
    const { secretariat } = await seed();
    const own = await apiRequest(ctx.server.url, 'POST', `/api/people/${secretariat.id}/reset-password`, {
      token: secretariat.token,
    });
    expect(own.status).toBe(409);
    const nobody = await apiRequest(
      ctx.server.url,
      'POST',
      '/api/people/00000000-0000-4000-8000-000000000009/reset-password',
      { token: secretariat.token },
    );
    expect(nobody.status).toBe(404);
  });
});

describe('the secretariat changes a role and groups', () => {
  it('sets the role and replaces the groups', async () => {
    const { secretariat, people, groups } = await seed();
    const answer = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${people.member.id}`, {
      token: secretariat.token,
      json: { role: Role.convener, groupIds: [groups.教育界.id] },
    });
    expect(answer.status).toBe(200);
    expect(expectOk(answer, personSchema)).toMatchObject({ role: 'convener', groupIds: [groups.教育界.id] });
    const me = await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.member.token });
    expect(me.body).toMatchObject({ role: 'convener', groupIds: [groups.教育界.id] });
  });

  it('refuses a member or a convener who tries (P2), and a group that does not exist', async () => {
    const { secretariat, people } = await seed();
    const selfPromotion = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${people.member.id}`, {
      token: people.member.token,
      json: { role: Role.secretariat },
    });
    expect(selfPromotion.status).toBe(403);
    expect(selfPromotion.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    const byConvener = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${people.member.id}`, {
      token: people.convener.token,
      json: { groupIds: [] },
    });
    expect(byConvener.status).toBe(403);
    const unknownGroup = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${people.member.id}`, {
      token: secretariat.token,
      json: { groupIds: ['00000000-0000-4000-8000-000000000001'] },
    });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body).toMatchObject({ field: 'groupIds.0' });
    const me = await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.member.token });
    expect(me.body).toMatchObject({ role: 'member' });
    expect((me.body as { groupIds: string[] }).groupIds).toHaveLength(1);
  });

  it('does not let the secretariat take its own role away', async () => {
    const { secretariat } = await seed();
    const answer = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${secretariat.id}`, {
      token: secretariat.token,
      json: { role: Role.member },
    });
    expect(answer.status).toBe(409);
  });
});

describe('revoking an invitation', () => {
  it('stops its link: preview and joining answer 410, and it is no longer listed; only the secretariat may (P2)', async () => {
    const { secretariat, people } = await seed();
    const { token, invitation } = expectOk(
      await apiRequest(ctx.server.url, 'POST', '/api/invitations', {
        token: secretariat.token,
        json: { role: Role.member, groupIds: [] },
      }),
      createdInvitationSchema,
    );
    const path = `/api/invitations/${invitation.id}`;
    expect(await status(path, people.member.token, 'DELETE')).toBe(403);
    expect(await status(path, secretariat.token, 'DELETE')).toBe(204);

    const listed = await apiRequest(ctx.server.url, 'GET', '/api/invitations', { token: secretariat.token });
    expect(listed.body).toEqual({ invitations: [] });
    const preview = await apiRequest(ctx.server.url, 'GET', `/api/invitations/${token}`);
    expect(preview.status).toBe(410);
    expect(preview.body).toMatchObject({ error: 'gone', message: expect.stringContaining('withdrawn') });
    const accept = await apiRequest(ctx.server.url, 'POST', `/api/invitations/${token}/accept`, {
      json: { username: 'zhang.san', name: '张三', password: 'joining-password' },
    });
    expect(accept.status).toBe(410);
    expect(await status(path, secretariat.token, 'DELETE')).toBe(404);
  });
});

describe('the roster import', () => {
  const roster = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  const upload = (token: string, body: Uint8Array<ArrayBuffer>) =>
    apiRequest(ctx.server.url, 'POST', '/api/roster', { token, raw: body, headers: { 'content-type': 'text/csv' } });

  it('answers problems as codes with the line, the field and what the wording needs', async () => {
    const { secretariat } = await seed();
    const answer = await upload(
      secretariat.token,
      roster('姓名,用户名,角色,小组', '王五,Wang Wu,委员,', '赵六,,皇帝,'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'bad_request',
      problems: [
        { line: 2, code: 'username_invalid', field: 'username', params: { value: 'Wang Wu' } },
        { line: 3, code: 'role_unknown', field: 'role', params: { value: '皇帝' } },
      ],
    });
  });

  it('makes missing usernames from pinyin, and skips the people who exist when imported again', async () => {
    const { secretariat } = await seed();
    const file = roster('姓名,用户名,角色,小组', '林国栋,,委员,', '陈静,,委员,经济界', '王五,wangwu,委员,');
    const first = expectOk(await upload(secretariat.token, file), rosterResultSchema);
    // The seeded 林国栋 is `member`; a second 林国栋 of the roster is the same person and skipped.
    expect(first.accounts.map((account) => [account.name, account.username])).toEqual([
      ['陈静', 'chenjing'],
      ['王五', 'wangwu'],
    ]);
    expect(first.skipped).toEqual([{ line: 2, username: 'member', name: '林国栋' }]);

    const again = expectOk(await upload(secretariat.token, file), rosterResultSchema);
    expect(again.accounts).toEqual([]);
    expect(again.skipped.map((person) => person.username)).toEqual(['member', 'chenjing', 'wangwu']);
  });
});
