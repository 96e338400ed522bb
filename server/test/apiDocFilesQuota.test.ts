import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFileListSchema, docFileQuotaErrorSchema } from '../../shared/api/docFiles';
import { type DocId, DocKind, Role } from '../../shared/index';
import { newTestSchema, TEST_DATABASE_URL, type TestSchema } from '../storage/postgres/testSchemas';
import { apiRequest, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { jpegOf, putDocFile } from './support/docFileUploads';
import { type SeededWorkspace, seedWorkspace } from './support/seedWorkspace';
import { startTestServer, type TestServer } from './support/testServer';

/** Small quotas, so that a few files of some KiB fill them. */
const DOCUMENT_QUOTA = 64 * 1024;
const COMMITTEE_QUOTA = 160 * 1024;

/** SQLite always; PostgreSQL, in a schema of each test's own, when TEST_DATABASE_URL is set. */
const BACKENDS = [
  { backend: 'SQLite', usesPostgres: false },
  ...(TEST_DATABASE_URL === null ? [] : [{ backend: 'PostgreSQL', usesPostgres: true }]),
];

let server: TestServer;
let workspace: SeededWorkspace<'经济界', 'zhang'>;

async function draft(): Promise<DocId> {
  return (await workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;
}

function put(id: DocId, bytes: Uint8Array<ArrayBuffer>) {
  return putDocFile(server.url, workspace.tokenOf('zhang'), id, { bytes, type: 'image/jpeg' });
}

async function listOf(id: DocId) {
  return expectOk(
    await apiRequest(server.url, 'GET', `/api/docs/${id}/files`, { token: workspace.tokenOf('zhang') }),
    docFileListSchema,
  );
}

describe.each(BACKENDS)('document files over a quota on $backend (DF4)', ({ usesPostgres }) => {
  let schema: TestSchema | null = null;

  beforeEach(async () => {
    schema = usesPostgres ? newTestSchema() : null;
    server = await startTestServer({
      passwordParams: FAST_PASSWORDS,
      docFileQuotas: { document: DOCUMENT_QUOTA, committee: COMMITTEE_QUOTA },
      ...(schema === null ? {} : { databaseUrl: schema.url, databaseSchema: schema.schema }),
    });
    workspace = await seedWorkspace(server, {
      groups: ['经济界'],
      people: { zhang: { role: Role.member, groups: ['经济界'], name: '张委员' } },
    });
  });

  afterEach(async () => {
    await server.dispose();
    await schema?.drop();
  });

  it('refuses a file that would pass the document’s quota with 413 quota_exceeded, naming the quota, used and limit', async () => {
    const id = await draft();
    expect((await put(id, jpegOf(40 * 1024))).status).toBe(201);
    const answer = await put(id, jpegOf(30 * 1024));
    expect(answer.status).toBe(413);
    const error = docFileQuotaErrorSchema.parse(answer.body);
    expect(error).toMatchObject({ quota: 'document', used: 40 * 1024, limit: DOCUMENT_QUOTA });
    expect(error.message).toContain("This document's files would pass its quota of 64 KiB (40 KiB used)");
    // What still fits is taken, and the list reports the quota as the refusal did.
    expect((await put(id, jpegOf(24 * 1024))).status).toBe(201);
    expect((await listOf(id)).quota.document).toEqual({ used: DOCUMENT_QUOTA, limit: DOCUMENT_QUOTA });
  });

  it('refuses new bytes that would pass the committee’s quota, yet links bytes already held', async () => {
    const held = jpegOf(60 * 1024);
    expect((await put(await draft(), held)).status).toBe(201);
    expect((await put(await draft(), jpegOf(60 * 1024))).status).toBe(201);
    const id = await draft();
    const answer = await put(id, jpegOf(50 * 1024));
    expect(answer.status).toBe(413);
    const error = docFileQuotaErrorSchema.parse(answer.body);
    expect(error).toMatchObject({ quota: 'committee', used: 120 * 1024, limit: COMMITTEE_QUOTA });
    expect(error.message).toContain("The committee's files would pass their quota of 160 KiB (120 KiB used)");
    expect((await put(id, held)).status).toBe(201);
    expect((await listOf(id)).quota.committee).toEqual({ used: 120 * 1024, limit: COMMITTEE_QUOTA });
  });

  it('lets only one of several uploads at once into the last room of the committee’s quota (DF5)', async () => {
    expect((await put(await draft(), jpegOf(60 * 1024))).status).toBe(201);
    expect((await put(await draft(), jpegOf(60 * 1024))).status).toBe(201);
    const documents = await Promise.all([draft(), draft(), draft(), draft()]);
    const answers = await Promise.all(documents.map((id) => put(id, jpegOf(30 * 1024))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 413, 413, 413]);
    expect((await listOf(documents[0] as DocId)).quota.committee.used).toBe(150 * 1024);
  });
});
