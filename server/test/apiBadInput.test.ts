import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/index';
import { apiRequest } from './support/apiRequest';
import { setupSeededServer } from './support/setupTestServer';

const ctx = setupSeededServer({
  groups: ['g'],
  people: { member: { role: Role.member, groups: ['g'] } },
});

const json = { 'content-type': 'application/json' };

describe('malformed requests', () => {
  it('answer 400 for malformed JSON, saying so', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      raw: '{"username": "a",',
      headers: json,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('not valid JSON') });
  });

  it('answer 400 for a body that is not sent as JSON', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      raw: 'username=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ message: expect.stringContaining('Content-Type: application/json') });
  });

  it('name the field of a wrong type, down to the array index', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/session', { username: 7, password: 'x' }, 'username'],
      ['POST', '/api/session', { username: 'a' }, 'password'],
      ['POST', '/api/invitations', { role: 'member', groupIds: [ctx.workspace.groups.g.id, 'nope'] }, 'groupIds.1'],
      ['POST', '/api/invitations', { role: 'emperor', groupIds: [] }, 'role'],
      ['PATCH', `/api/people/${ctx.workspace.people.member.id}`, { isActive: 'no' }, 'isActive'],
      ['POST', '/api/groups', { name: '' }, 'name'],
    ];
    for (const [method, path, body, field] of cases) {
      const answer = await apiRequest(ctx.server.url, method, path, {
        token: ctx.workspace.secretariat.token,
        json: body,
      });
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request', field, message: expect.stringContaining(field) });
    }
  });

  it('answer 400 for a body that is not an object', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.workspace.secretariat.token,
      json: [1],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request' });
  });

  it('refuse a body over 64 KiB without reading it all', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.workspace.secretariat.token,
      json: { name: 'x'.repeat(70 * 1024) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('larger than 64 KiB') });
  });

  it('answer 404 in JSON for an unknown route', async () => {
    const answer = await apiRequest(ctx.server.url, 'GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: 'not_found', message: expect.stringContaining('/api/nothing-here') });
  });
});

describe('requests without the right to answer', () => {
  it('answer 401 in JSON saying whether a credential was missing or not valid', async () => {
    const missing = await apiRequest(ctx.server.url, 'GET', '/api/workspace');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('Sign in first') });
    for (const token of [
      'x'.repeat(8192),
      ctx.workspace.people.member.token.slice(0, -1),
      `${ctx.workspace.people.member.token}x`,
    ]) {
      const answer = await apiRequest(ctx.server.url, 'GET', '/api/workspace', { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('sign in again') });
    }
  });

  it('do not read tokens from the URL', async () => {
    const answer = await apiRequest(ctx.server.url, 'GET', `/api/me?token=${ctx.workspace.people.member.token}`);
    expect(answer.status).toBe(401);
  });

  it('answer 403 in JSON with the denial', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.workspace.people.member.token,
      json: { name: 'mine' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: 'forbidden',
      denial: 'role',
      message: expect.stringContaining('create group'),
    });
  });
});

describe('the roster import', () => {
  const roster = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

  it('creates the accounts and groups of a CSV file, with one-time passwords', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/roster', {
      token: ctx.workspace.secretariat.token,
      raw: roster('姓名,用户名,角色,小组', '张三,zhangsan,委员,"g、新小组"', '李四,lisi,召集人,新小组'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      createdGroups: ['新小组'],
      accounts: [
        { line: 2, username: 'zhangsan', role: 'member', oneTimePassword: expect.any(String) },
        { line: 3, username: 'lisi', role: 'convener' },
      ],
    });
    const password = (answer.body as { accounts: { oneTimePassword: string }[] }).accounts[0]?.oneTimePassword;
    const signIn = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      json: { username: 'zhangsan', password },
    });
    expect(signIn.body).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('refuses a roster with bad lines, listing them, and writes nothing', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/roster', {
      token: ctx.workspace.secretariat.token,
      raw: roster('姓名,用户名,角色,小组', '王五,member,委员,g', '赵六,zhaoliu,皇帝,g'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'bad_request',
      problems: [{ line: 2 }, { line: 3 }],
    });
    const people = await apiRequest(ctx.server.url, 'GET', '/api/people', { token: ctx.workspace.secretariat.token });
    expect(JSON.stringify(people.body)).not.toContain('zhaoliu');
  });

  it('is for the secretariat only', async () => {
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/roster', {
      token: ctx.workspace.people.member.token,
      raw: roster('姓名,用户名,角色,小组', '王五,wangwu,委员,g'),
    });
    expect(answer.status).toBe(403);
  });
});
