import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { docFileListSchema, docFileSchema } from '../../shared/api/docFiles';
import { transitionResultSchema } from '../../shared/api/review';
import { apiErrorSchema } from '../../shared/api/schemas';
import { MAX_DOC_FILE_BYTES } from '../../shared/domain/docFiles';
import { type DocId, DocKind, Role } from '../../shared/index';
import { type ApiAnswer, apiRequest, expectOk } from './support/apiRequest';
import { jpegOf, putDocFile, sha256Of } from './support/docFileUploads';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'convener' | 'chair' | 'outsider' | 'water';

/** zhang and li write in 经济界, whose convener reviews; the chair reads everything; a unit and a member of another group. */
const PLAN = {
  groups: ['经济界', '农业界'] as const,
  units: ['市水务局'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] as const, name: '张委员' },
    li: { role: Role.member, groups: ['经济界'] as const, name: '李委员' },
    convener: { role: Role.convener, groups: ['经济界'] as const, name: '召集人' },
    chair: { role: Role.chair, name: '主席' },
    outsider: { role: Role.member, groups: ['农业界'] as const, name: '王委员' },
    water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
  },
};

const ctx = setupSeededServer<'经济界' | '农业界', Person>(PLAN);

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'));
const WEBP = new Uint8Array([...Buffer.from('RIFF'), 30, 0, 0, 0, ...Buffer.from('WEBPVP8 '), 0, 0, 0, 0]);
const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);

function put(as: Person, id: DocId, file: { bytes: Uint8Array<ArrayBuffer>; type: string; sha256?: string }) {
  return putDocFile(ctx.server.url, ctx.tokenOf(as), id, file);
}

function call(as: Person, method: string, path: string): Promise<ApiAnswer> {
  return apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as) });
}

/** The raw answer of a file's bytes (not JSON). */
function download(as: Person, id: DocId, sha256: string, method = 'GET'): Promise<Response> {
  return fetch(`${ctx.server.url}/api/docs/${id}/files/${sha256}`, {
    method,
    headers: { authorization: `Bearer ${ctx.tokenOf(as)}` },
  });
}

async function refused(answer: Promise<ApiAnswer>, status: number, code: string) {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const body = apiErrorSchema.parse(response.body);
  expect(body.error).toBe(code);
  return body;
}

async function draft(): Promise<DocId> {
  return (await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;
}

describe('document files: upload and read back (DF1-DF3, DF5)', () => {
  it('takes a JPEG and a PDF from a member and gives both back byte for byte with safe headers', async () => {
    const id = await draft();
    const photo = jpegOf(5_000);
    const created = expectOk(await put('zhang', id, { bytes: photo, type: 'image/jpeg' }), docFileSchema);
    expect(created).toMatchObject({ sha256: sha256Of(photo), mediaType: 'image/jpeg', size: 5_000 });
    expect(created.addedBy).toBe(ctx.workspace.people.zhang.id);
    const pdf = await put('li', id, { bytes: PDF, type: 'application/pdf; charset=binary' });
    expect(pdf.status).toBe(201);

    for (const [bytes, type] of [
      [photo, 'image/jpeg'],
      [PDF, 'application/pdf'],
    ] as const) {
      const response = await download('li', id, sha256Of(bytes));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
    // The chair reads every document, so its files too.
    expect((await download('chair', id, sha256Of(PDF))).status).toBe(200);
  });

  it('answers HEAD 200 for a linked file and 404 for one that is not, and GET 404 in JSON', async () => {
    const id = await draft();
    const photo = jpegOf(300);
    await put('zhang', id, { bytes: photo, type: 'image/jpeg' });
    expect((await download('li', id, sha256Of(photo), 'HEAD')).status).toBe(200);
    const other = sha256Of(jpegOf(300));
    expect((await download('li', id, other, 'HEAD')).status).toBe(404);
    expect((await download('li', await draft(), sha256Of(photo), 'HEAD')).status).toBe(404);
    await refused(call('li', 'GET', `/api/docs/${id}/files/${other}`), 404, 'not_found');
    await refused(call('li', 'GET', `/api/docs/${id}/files/ABC`), 400, 'bad_request');
  });

  it('lists the files oldest first with both quotas, and re-linking the same file answers 200 unchanged', async () => {
    const id = await draft();
    const before = expectOk(await call('zhang', 'GET', `/api/docs/${id}/files`), docFileListSchema);
    expect(before.files).toEqual([]);
    expect(before.quota.document).toEqual({ used: 0, limit: 100 * 1024 * 1024 });
    expect(before.quota.committee.limit).toBe(5 * 1024 ** 3);

    const first = expectOk(await put('zhang', id, { bytes: WEBP, type: 'image/webp' }), docFileSchema);
    expectOk(await put('zhang', id, { bytes: XLSX, type: XLSX_TYPE }), docFileSchema);
    const again = await put('li', id, { bytes: WEBP, type: 'image/webp' });
    expect(again.status).toBe(200);
    expect(docFileSchema.parse(again.body)).toEqual(first);

    const after = expectOk(await call('chair', 'GET', `/api/docs/${id}/files`), docFileListSchema);
    expect(after.files.map((file) => file.sha256)).toEqual([sha256Of(WEBP), sha256Of(XLSX)]);
    expect(after.quota.document.used).toBe(WEBP.byteLength + XLSX.byteLength);
    expect(after.quota.committee.used).toBe(before.quota.committee.used + WEBP.byteLength + XLSX.byteLength);
  });

  it('keeps the same bytes once when a second document links them: the committee counts them once', async () => {
    const [first, second] = [await draft(), await draft()];
    const photo = jpegOf(2_000);
    expect((await put('zhang', first, { bytes: photo, type: 'image/jpeg' })).status).toBe(201);
    const between = expectOk(await call('zhang', 'GET', `/api/docs/${first}/files`), docFileListSchema);
    expect((await put('li', second, { bytes: photo, type: 'image/jpeg' })).status).toBe(201);
    const after = expectOk(await call('zhang', 'GET', `/api/docs/${second}/files`), docFileListSchema);
    expect(after.quota.document.used).toBe(2_000);
    expect(after.quota.committee.used).toBe(between.quota.committee.used);
    expect(after.files[0]?.addedBy).toBe(ctx.workspace.people.li.id);
  });

  it('links the same file sent six times at once exactly once', async () => {
    const id = await draft();
    const photo = jpegOf(40_000);
    const before = expectOk(await call('zhang', 'GET', `/api/docs/${id}/files`), docFileListSchema);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        put(index % 2 === 0 ? 'zhang' : 'li', id, { bytes: photo, type: 'image/jpeg' }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const after = expectOk(await call('zhang', 'GET', `/api/docs/${id}/files`), docFileListSchema);
    expect(after.files).toHaveLength(1);
    expect(after.quota.document.used).toBe(40_000);
    expect(after.quota.committee.used).toBe(before.quota.committee.used + 40_000);
  });
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('document files: refused uploads (DF2, DF3)', () => {
  it('refuses a hash that is not the bytes’ with 400 naming the field', async () => {
    const id = await draft();
    const photo = jpegOf(100);
    const body = await refused(
      put('zhang', id, { bytes: photo, type: 'image/jpeg', sha256: sha256Of(PDF) }),
      400,
      'bad_request',
    );
    expect(body.field).toBe('sha256');
    expect(body.message).toContain(sha256Of(photo));
    await refused(put('zhang', id, { bytes: photo, type: 'image/jpeg', sha256: 'F'.repeat(64) }), 400, 'bad_request');
    expect(expectOk(await call('zhang', 'GET', `/api/docs/${id}/files`), docFileListSchema).files).toEqual([]);
  });

  it('refuses a type it does not take with 415, and bytes that are not of their type with 400', async () => {
    const id = await draft();
    await refused(
      put('zhang', id, { bytes: new Uint8Array(Buffer.from('GIF89a...')), type: 'image/gif' }),
      415,
      'unsupported_media_type',
    );
    await refused(put('zhang', id, { bytes: jpegOf(50), type: 'text/html' }), 415, 'unsupported_media_type');
    const lying = await refused(put('zhang', id, { bytes: jpegOf(50), type: 'application/pdf' }), 400, 'bad_request');
    expect(lying.message).toContain('not a real application/pdf file');
    await refused(
      put('zhang', id, { bytes: new Uint8Array(Buffer.from('RIFF1234AVI LIST')), type: 'image/webp' }),
      400,
      'bad_request',
    );
    await refused(put('zhang', id, { bytes: new Uint8Array(0), type: 'image/png' }), 400, 'bad_request');
  });

  it('refuses a file over 10 MiB with 413', async () => {
    const id = await draft();
    const big = jpegOf(MAX_DOC_FILE_BYTES + 1);
    const body = await refused(put('zhang', id, { bytes: big, type: 'image/jpeg' }), 413, 'payload_too_large');
    expect(body.message).toContain('10 MiB');
    expect((await put('zhang', id, { bytes: jpegOf(MAX_DOC_FILE_BYTES), type: 'image/jpeg' })).status).toBe(201);
  });
});

describe('document files: who may add and read them (DF1)', () => {
  it('refuses an upload by a reader who may not edit: the chair, or anyone once the document is in review', async () => {
    const id = await draft();
    const photo = jpegOf(100);
    const chair = await refused(put('chair', id, { bytes: photo, type: 'image/jpeg' }), 403, 'forbidden');
    expect(chair.denial).toBe('not_in_group');
    expectOk(
      await apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/transitions`, {
        token: ctx.tokenOf('zhang'),
        json: { action: 'submit', fromStatus: 'draft', requestId: randomUUID() },
      }),
      transitionResultSchema,
    );
    const inReview = await refused(put('zhang', id, { bytes: photo, type: 'image/jpeg' }), 403, 'forbidden');
    expect(inReview.denial).toBe('status');
    // The convener reviews it and reads its files, but does not add any.
    await refused(put('convener', id, { bytes: photo, type: 'image/jpeg' }), 403, 'forbidden');
    expect((await call('convener', 'GET', `/api/docs/${id}/files`)).status).toBe(200);
  });

  it('answers a member of another group and a handling unit 403, as the document itself, for every route', async () => {
    const id = await draft();
    const photo = jpegOf(100);
    await put('zhang', id, { bytes: photo, type: 'image/jpeg' });
    for (const who of ['outsider', 'water'] as const) {
      expect((await call(who, 'GET', `/api/docs/${id}`)).status).toBe(403);
      await refused(put(who, id, { bytes: jpegOf(100), type: 'image/jpeg' }), 403, 'forbidden');
      await refused(call(who, 'GET', `/api/docs/${id}/files`), 403, 'forbidden');
      await refused(call(who, 'GET', `/api/docs/${id}/files/${sha256Of(photo)}`), 403, 'forbidden');
      expect((await download(who, id, sha256Of(photo), 'HEAD')).status).toBe(403);
    }
    await refused(put('zhang', randomUUID() as DocId, { bytes: photo, type: 'image/jpeg' }), 404, 'not_found');
    const anonymous = await fetch(`${ctx.server.url}/api/docs/${id}/files/${sha256Of(photo)}`);
    expect(anonymous.status).toBe(401);
  });
});
