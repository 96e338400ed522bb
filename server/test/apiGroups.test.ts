import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSchema, workspaceSchema } from '../../shared/api/schemas';
import { DocKind, Role } from '../../shared/index';
import { apiRequest, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { seedWorkspace } from './support/seedWorkspace';
import { startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedPlan>>;

function seedPlan() {
  return seedWorkspace(server, {
    groups: ['east', 'west'],
    people: {
      convener: { role: Role.convener, groups: ['east'] },
      member: { role: Role.member, groups: ['east'] },
      westerner: { role: Role.member, groups: ['west'] },
      chair: { role: Role.chair },
    },
  });
}

beforeAll(async () => {
  server = await startTestServer({ passwordParams: FAST_PASSWORDS });
  seeded = await seedPlan();
});
afterAll(() => server.dispose());

const as = (key: 'convener' | 'member' | 'westerner' | 'chair' | 'secretariat') =>
  key === 'secretariat' ? seeded.secretariat.token : seeded.people[key].token;

describe('groups', () => {
  it('are created by the secretariat only, with unique names (P2)', async () => {
    const created = await apiRequest(server.url, 'POST', '/api/groups', {
      token: as('secretariat'),
      json: { name: ' 农业界 ' },
    });
    expect(created.status).toBe(201);
    expect(expectOk(created, groupSchema)).toMatchObject({ name: '农业界', memberIds: [] });

    const taken = await apiRequest(server.url, 'POST', '/api/groups', {
      token: as('secretariat'),
      json: { name: '农业界' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'conflict', message: expect.stringContaining('"农业界"') });

    const byConvener = await apiRequest(server.url, 'POST', '/api/groups', {
      token: as('convener'),
      json: { name: 'x' },
    });
    expect(byConvener.status).toBe(403);
    expect(byConvener.body).toMatchObject({ error: 'forbidden', denial: 'role' });
  });

  it('are renamed by their convener, not by a member or a convener of another group (P4)', async () => {
    const path = `/api/groups/${seeded.groups.east.id}`;
    const renamed = await apiRequest(server.url, 'PATCH', path, { token: as('convener'), json: { name: 'east side' } });
    expect(renamed.body).toMatchObject({ id: seeded.groups.east.id, name: 'east side' });

    const byMember = await apiRequest(server.url, 'PATCH', path, { token: as('member'), json: { name: 'mine' } });
    expect(byMember.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    const other = `/api/groups/${seeded.groups.west.id}`;
    const byOutsider = await apiRequest(server.url, 'PATCH', other, { token: as('convener'), json: { name: 'mine' } });
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body).toMatchObject({ denial: 'not_in_group' });
  });

  it('get and lose members through their convener, who cannot manage other groups (P4)', async () => {
    const east = seeded.groups.east.id;
    const add = `/api/groups/${east}/members/${seeded.people.westerner.id}`;
    const added = expectOk(await apiRequest(server.url, 'PUT', add, { token: as('convener') }), groupSchema);
    expect(added.memberIds).toContain(seeded.people.westerner.id);
    const removed = expectOk(await apiRequest(server.url, 'DELETE', add, { token: as('convener') }), groupSchema);
    expect(removed.memberIds).not.toContain(seeded.people.westerner.id);

    const west = `/api/groups/${seeded.groups.west.id}/members/${seeded.people.member.id}`;
    const refused = await apiRequest(server.url, 'PUT', west, { token: as('convener') });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ denial: 'not_in_group' });
    const byMember = await apiRequest(server.url, 'PUT', add, { token: as('member') });
    expect(byMember.body).toMatchObject({ denial: 'role' });
  });

  it('answer 404 for an unknown person or group, and 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-00000000000f';
    const noPerson = await apiRequest(server.url, 'PUT', `/api/groups/${seeded.groups.east.id}/members/${unknown}`, {
      token: as('secretariat'),
    });
    expect(noPerson.status).toBe(404);
    const noGroup = await apiRequest(server.url, 'PUT', `/api/groups/${unknown}/members/${seeded.people.member.id}`, {
      token: as('secretariat'),
    });
    expect(noGroup.status).toBe(404);
    const malformed = await apiRequest(server.url, 'PUT', `/api/groups/east/members/${seeded.people.member.id}`, {
      token: as('secretariat'),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'bad_request', field: 'id' });
  });

  it('are visible to their members, chairs and the secretariat (P3)', async () => {
    const names = async (token: string) =>
      ((await apiRequest(server.url, 'GET', '/api/groups', { token })).body as { groups: { id: string }[] }).groups.map(
        (group) => group.id,
      );
    expect(await names(as('westerner'))).toEqual([seeded.groups.west.id]);
    expect(new Set(await names(as('chair')))).toEqual(new Set(await names(as('secretariat'))));
    expect(await names(as('chair'))).toEqual(expect.arrayContaining([seeded.groups.east.id, seeded.groups.west.id]));
  });
});

describe('the workspace', () => {
  it("answers a member's groups and their documents, and everyone as people", async () => {
    const eastDoc = await seeded.createDoc('member', { groupKey: 'east', kind: DocKind.proposal });
    const westDoc = await seeded.createDoc('westerner', { groupKey: 'west', kind: DocKind.socialInfo });

    const mine = expectOk(
      await apiRequest(server.url, 'GET', '/api/workspace', { token: as('westerner') }),
      workspaceSchema,
    );
    expect(mine.me.username).toBe('westerner');
    expect(mine.groups.map((group) => group.id)).toEqual([seeded.groups.west.id]);
    expect(mine.docs.map((doc) => doc.id)).toEqual([westDoc.id]);
    expect(mine.people.map((person) => person.username)).toEqual(
      expect.arrayContaining(['chair', 'convener', 'member', 'secretariat', 'westerner']),
    );

    const chair = expectOk(
      await apiRequest(server.url, 'GET', '/api/workspace', { token: as('chair') }),
      workspaceSchema,
    );
    expect(chair.docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([eastDoc.id, westDoc.id]));
    expect(chair.groups.length).toBeGreaterThanOrEqual(2);
  });
});
