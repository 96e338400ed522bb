import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { docRecordSchema } from '../../shared/api/schemas';
import { DocKind, newDocId, Role } from '../../shared/index';
import { databasePath } from '../storage/sqlite/databasePath';
import { apiRequest, expectOk } from './support/apiRequest';
import { setupSeededServer } from './support/setupTestServer';

const ctx = setupSeededServer({
  groups: ['east', 'west'],
  people: {
    convener: { role: Role.convener, groups: ['east'] },
    author: { role: Role.member, groups: ['east'] },
    colleague: { role: Role.member, groups: ['east'] },
    westerner: { role: Role.member, groups: ['west'] },
    chair: { role: Role.chair },
  },
});

type Key = 'convener' | 'author' | 'colleague' | 'westerner' | 'chair' | 'secretariat';

function register(key: Key, body: Record<string, unknown>) {
  return apiRequest(ctx.server.url, 'POST', '/api/docs', { token: ctx.tokenOf(key), json: body });
}

describe('registering a document', () => {
  it('answers 201 with a draft record, the creator first author, and 200 for the same request again', async () => {
    const id = newDocId();
    const body = {
      id,
      kind: DocKind.proposal,
      groupId: ctx.workspace.groups.east.id,
      title: '关于加强农村养老服务的提案',
    };
    const first = await register('author', body);
    expect(first.status).toBe(201);
    const record = expectOk(first, docRecordSchema);
    expect(record).toMatchObject({
      id,
      kind: 'proposal',
      groupId: ctx.workspace.groups.east.id,
      title: body.title,
      status: 'draft',
      isArchived: false,
      createdBy: ctx.workspace.people.author.id,
      updatedBy: ctx.workspace.people.author.id,
      authorIds: [ctx.workspace.people.author.id],
    });
    expect(record.updatedAt).toBe(record.createdAt);

    const again = await register('colleague', body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(record);
  });

  it('answers 409 when the id is registered in another group or as another kind', async () => {
    const id = newDocId();
    await register('author', { id, kind: DocKind.proposal, groupId: ctx.workspace.groups.east.id });
    const otherKind = await register('author', {
      id,
      kind: DocKind.researchReport,
      groupId: ctx.workspace.groups.east.id,
    });
    expect(otherKind.status).toBe(409);
    expect(otherKind.body).toMatchObject({ error: 'conflict', message: expect.stringContaining(id) });
    const otherGroup = await register('westerner', {
      id,
      kind: DocKind.proposal,
      groupId: ctx.workspace.groups.west.id,
    });
    expect(otherGroup.status).toBe(409);
  });

  it('is refused outside the group, even for chairs and the secretariat (P5)', async () => {
    for (const key of ['westerner', 'chair', 'secretariat'] as const) {
      const answer = await register(key, {
        id: newDocId(),
        kind: DocKind.proposal,
        groupId: ctx.workspace.groups.east.id,
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'forbidden', denial: 'not_in_group' });
    }
  });

  it('refuses a malformed id, kind or group, naming the field', async () => {
    const good = { id: newDocId(), kind: DocKind.proposal, groupId: ctx.workspace.groups.east.id };
    for (const [patch, field] of [
      [{ id: 'NOT-A-UUID' }, 'id'],
      [{ kind: 'memo' }, 'kind'],
      [{ groupId: 42 }, 'groupId'],
      [{ title: 'x'.repeat(201) }, 'title'],
    ] as const) {
      const answer = await register('author', { ...good, ...patch });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request', field });
    }
  });
});

describe('reading documents', () => {
  it('lets the group, chairs and the secretariat read a record, and no one else (P6)', async () => {
    const doc = await ctx.workspace.createDoc('author', { groupKey: 'east', kind: DocKind.socialInfo });
    for (const key of ['colleague', 'convener', 'chair', 'secretariat'] as const) {
      const answer = await apiRequest(ctx.server.url, 'GET', `/api/docs/${doc.id}`, { token: ctx.tokenOf(key) });
      expect(answer.body).toEqual(doc);
    }
    const outsider = await apiRequest(ctx.server.url, 'GET', `/api/docs/${doc.id}`, {
      token: ctx.tokenOf('westerner'),
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body).toMatchObject({ error: 'forbidden', denial: 'not_in_group' });

    const listed = await apiRequest(ctx.server.url, 'GET', '/api/docs', { token: ctx.tokenOf('westerner') });
    expect((listed.body as { docs: { id: string }[] }).docs.map((d) => d.id)).not.toContain(doc.id);
    const missing = await apiRequest(ctx.server.url, 'GET', `/api/docs/${newDocId()}`, {
      token: ctx.tokenOf('author'),
    });
    expect(missing.status).toBe(404);
  });

  it('shows a document stored before groups existed to chairs and the secretariat only (P6)', async () => {
    const id = newDocId();
    const db = new Database(databasePath(ctx.server.dataDir));
    db.prepare(
      `INSERT INTO documents (id, title, kind, updated_at, created_at) VALUES (?, '旧文档', 'proposal', 1, 1)`,
    ).run(id);
    db.close();
    for (const key of ['chair', 'secretariat'] as const) {
      const answer = await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf(key) });
      expect(answer.body).toMatchObject({ id, groupId: null, createdBy: null, title: '旧文档' });
    }
    const member = await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('convener') });
    expect(member.status).toBe(403);
  });
});

describe('archiving a document', () => {
  it('is allowed to the creator of a draft and the convener, not to a colleague (P8)', async () => {
    const doc = await ctx.workspace.createDoc('author', { groupKey: 'east', kind: DocKind.proposal });
    const patch = (key: Key, isArchived: boolean) =>
      apiRequest(ctx.server.url, 'PATCH', `/api/docs/${doc.id}`, { token: ctx.tokenOf(key), json: { isArchived } });

    const byColleague = await patch('colleague', true);
    expect(byColleague.status).toBe(403);
    expect(byColleague.body).toMatchObject({ error: 'forbidden', denial: 'role' });

    expect((await patch('author', true)).body).toMatchObject({ id: doc.id, isArchived: true });
    expect((await patch('convener', false)).body).toMatchObject({ isArchived: false });
    expect((await patch('westerner', true)).body).toMatchObject({ denial: 'not_in_group' });
  });
});
