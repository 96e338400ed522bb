import { describe, expect, it } from 'vitest';
import { groupSchema, workspaceSchema } from '../../shared/api/schemas';
import { DocKind, Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { setupSeededServer } from './support/setupTestServer';

const ctx = setupSeededServer({
  groups: ['east', 'west'],
  people: {
    convener: { role: Role.convener, groups: ['east'] },
    member: { role: Role.member, groups: ['east'] },
    westerner: { role: Role.member, groups: ['west'] },
    chair: { role: Role.chair },
  },
});

describe('groups', () => {
  it('are created by the secretariat only, with unique names (P2)', async () => {
    const created = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.tokenOf('secretariat'),
      json: { name: ' 农业界 ' },
    });
    expect(created.status).toBe(201);
    expect(expectOk(created, groupSchema)).toMatchObject({ name: '农业界', memberIds: [] });

    const taken = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.tokenOf('secretariat'),
      json: { name: '农业界' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'conflict', message: expect.stringContaining('"农业界"') });

    const byConvener = await apiRequest(ctx.server.url, 'POST', '/api/groups', {
      token: ctx.tokenOf('convener'),
      json: { name: 'x' },
    });
    expect(byConvener.status).toBe(403);
    expect(byConvener.body).toMatchObject({ error: 'forbidden', denial: 'role' });
  });

  it('are renamed by their convener, not by a member or a convener of another group (P4)', async () => {
    const path = `/api/groups/${ctx.workspace.groups.east.id}`;
    const renamed = await apiRequest(ctx.server.url, 'PATCH', path, {
      token: ctx.tokenOf('convener'),
      json: { name: 'east side' },
    });
    expect(renamed.body).toMatchObject({ id: ctx.workspace.groups.east.id, name: 'east side' });

    const byMember = await apiRequest(ctx.server.url, 'PATCH', path, {
      token: ctx.tokenOf('member'),
      json: { name: 'mine' },
    });
    expect(byMember.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    const other = `/api/groups/${ctx.workspace.groups.west.id}`;
    const byOutsider = await apiRequest(ctx.server.url, 'PATCH', other, {
      token: ctx.tokenOf('convener'),
      json: { name: 'mine' },
    });
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body).toMatchObject({ denial: 'not_in_group' });
  });

  it('get and lose members through their convener, who cannot manage other groups (P4)', async () => {
    const east = ctx.workspace.groups.east.id;
    const add = `/api/groups/${east}/members/${ctx.workspace.people.westerner.id}`;
    const added = expectOk(
      await apiRequest(ctx.server.url, 'PUT', add, { token: ctx.tokenOf('convener') }),
      groupSchema,
    );
    expect(added.memberIds).toContain(ctx.workspace.people.westerner.id);
    const removed = expectOk(
      await apiRequest(ctx.server.url, 'DELETE', add, { token: ctx.tokenOf('convener') }),
      groupSchema,
    );
    expect(removed.memberIds).not.toContain(ctx.workspace.people.westerner.id);

    const west = `/api/groups/${ctx.workspace.groups.west.id}/members/${ctx.workspace.people.member.id}`;
    const refused = await apiRequest(ctx.server.url, 'PUT', west, { token: ctx.tokenOf('convener') });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ denial: 'not_in_group' });
    const byMember = await apiRequest(ctx.server.url, 'PUT', add, { token: ctx.tokenOf('member') });
    expect(byMember.body).toMatchObject({ denial: 'role' });
  });

  it('answer 404 for an unknown person or group, and 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-00000000000f';
    const noPerson = await apiRequest(
      ctx.server.url,
      'PUT',
      `/api/groups/${ctx.workspace.groups.east.id}/members/${unknown}`,
      {
        token: ctx.tokenOf('secretariat'),
      },
    );
    expect(noPerson.status).toBe(404);
    const noGroup = await apiRequest(
      ctx.server.url,
      'PUT',
      `/api/groups/${unknown}/members/${ctx.workspace.people.member.id}`,
      {
        token: ctx.tokenOf('secretariat'),
      },
    );
    expect(noGroup.status).toBe(404);
    const malformed = await apiRequest(
      ctx.server.url,
      'PUT',
      `/api/groups/east/members/${ctx.workspace.people.member.id}`,
      {
        token: ctx.tokenOf('secretariat'),
      },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'bad_request', field: 'id' });
  });

  it('are visible to their members, chairs and the secretariat (P3)', async () => {
    const names = async (token: string) =>
      (
        (await apiRequest(ctx.server.url, 'GET', '/api/groups', { token })).body as { groups: { id: string }[] }
      ).groups.map((group) => group.id);
    expect(await names(ctx.tokenOf('westerner'))).toEqual([ctx.workspace.groups.west.id]);
    expect(new Set(await names(ctx.tokenOf('chair')))).toEqual(new Set(await names(ctx.tokenOf('secretariat'))));
    expect(await names(ctx.tokenOf('chair'))).toEqual(
      expect.arrayContaining([ctx.workspace.groups.east.id, ctx.workspace.groups.west.id]),
    );
  });
});

describe('the workspace', () => {
  it("answers a member's groups and their documents, and everyone as people", async () => {
    const eastDoc = await ctx.workspace.createDoc('member', { groupKey: 'east', kind: DocKind.proposal });
    const westDoc = await ctx.workspace.createDoc('westerner', { groupKey: 'west', kind: DocKind.socialInfo });

    const mine = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/workspace', { token: ctx.tokenOf('westerner') }),
      workspaceSchema,
    );
    expect(mine.me.username).toBe('westerner');
    expect(mine.groups.map((group) => group.id)).toEqual([ctx.workspace.groups.west.id]);
    expect(mine.docs.map((doc) => doc.id)).toEqual([westDoc.id]);
    expect(mine.people.map((person) => person.username)).toEqual(
      expect.arrayContaining(['chair', 'convener', 'member', 'secretariat', 'westerner']),
    );

    const chair = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/workspace', { token: ctx.tokenOf('chair') }),
      workspaceSchema,
    );
    expect(chair.docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([eastDoc.id, westDoc.id]));
    expect(chair.groups.length).toBeGreaterThanOrEqual(2);
  });
});
