import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adoptionListSchema, attachmentListSchema, attachmentSchema } from '../../shared/api/attachments';
import { caseAnswerSchema, committeeSessionSchema } from '../../shared/api/handling';
import { inboxSchema, transitionResultSchema } from '../../shared/api/review';
import { apiErrorSchema } from '../../shared/api/schemas';
import { type DocId, DocKind, Role } from '../../shared/index';
import { type ApiAnswer, apiRequest, expectOk } from './support/apiRequest';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'convener' | 'chair' | 'water' | 'health';

/** zhang proposes and reports; the convener approves; two units, one account each. */
const PLAN = {
  groups: ['经济界'] as const,
  units: ['市水务局', '市卫生健康委'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] as const, name: '张委员' },
    convener: { role: Role.convener, groups: ['经济界'] as const, name: '召集人' },
    chair: { role: Role.chair, name: '主席' },
    water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
    health: { role: Role.unit, unit: '市卫生健康委', name: '卫健委联络员' },
  },
};

const ctx = setupSeededServer<'经济界', Person>(PLAN);

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

function call(as: Person | 'secretariat', method: string, path: string, json?: unknown): Promise<ApiAnswer> {
  return apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as), ...(json === undefined ? {} : { json }) });
}

function upload(
  as: Person | 'secretariat',
  id: DocId,
  file: { kind: string; name: string; type: string; bytes: Uint8Array },
): Promise<ApiAnswer> {
  const query = new URLSearchParams({ kind: file.kind, name: file.name });
  return apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/attachments?${query}`, {
    token: ctx.tokenOf(as),
    headers: { 'content-type': file.type },
    raw: new Uint8Array(file.bytes),
  });
}

async function refused(answer: Promise<ApiAnswer>, status: number): Promise<string> {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return apiErrorSchema.parse(response.body).message;
}

async function move(id: DocId, steps: readonly (readonly [Person | 'secretariat', string, string])[]) {
  for (const [as, action, fromStatus] of steps) {
    expectOk(
      await call(as, 'POST', `/api/docs/${id}/transitions`, { action, fromStatus, requestId: randomUUID() }),
      transitionResultSchema,
    );
  }
}

let session: Promise<unknown> | null = null;

/** A proposal of zhang's, filed and handed to the water bureau, which accepted it. */
async function handedProposal(): Promise<DocId> {
  session ??= call('secretariat', 'POST', '/api/sessions', { name: '十五届四次会议' }).then((answer) =>
    expectOk(answer, committeeSessionSchema),
  );
  await session;
  const { id } = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  await move(id, [
    ['zhang', 'submit', 'draft'],
    ['convener', 'approve', 'in_review'],
  ]);
  expectOk(
    await call('secretariat', 'POST', `/api/docs/${id}/transitions`, {
      action: 'file',
      fromStatus: 'approved',
      requestId: randomUUID(),
      filing: {},
    }),
    transitionResultSchema,
  );
  const waterId = ctx.workspace.units.市水务局?.id;
  expectOk(
    await call('secretariat', 'POST', `/api/docs/${id}/case/handover`, { mode: 'separate', unitIds: [waterId] }),
    caseAnswerSchema,
  );
  expectOk(await call('water', 'POST', `/api/docs/${id}/case/respond`, { accept: true }), caseAnswerSchema);
  return id;
}

describe('reply letters uploaded with a unit answer (AT1-AT4)', () => {
  it('takes a PDF from the unit, answers with it, and gives it back to the proposer whole', async () => {
    const id = await handedProposal();
    const letter = expectOk(
      await upload('water', id, {
        kind: 'reply_letter',
        name: '关于治理内涝的答复函.pdf',
        type: 'application/pdf',
        bytes: PDF,
      }),
      attachmentSchema,
    );
    expect(letter).toMatchObject({
      kind: 'reply_letter',
      name: '关于治理内涝的答复函.pdf',
      size: PDF.byteLength,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      unitId: ctx.workspace.units.市水务局?.id,
    });

    const answered = expectOk(
      await call('water', 'POST', `/api/docs/${id}/case/answer`, { answerClass: 'A', attachmentId: letter.id }),
      caseAnswerSchema,
    );
    expect(answered.case.assignments[0]?.answers[0]).toMatchObject({ text: '', attachmentId: letter.id });
    expect(answered.stage).toBe('answered');

    const download = await fetch(`${ctx.server.url}/api/docs/${id}/attachments/${letter.id}`, {
      headers: { authorization: `Bearer ${ctx.tokenOf('zhang')}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('关于治理内涝的答复函.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    const listed = expectOk(await call('zhang', 'GET', `/api/docs/${id}/attachments`), attachmentListSchema);
    expect(listed.attachments.map((each) => each.id)).toEqual([letter.id]);
  });

  it('refuses a wrong type, lying bytes, an empty or too large file, with a clear message', async () => {
    const id = await handedProposal();
    const base = { kind: 'reply_letter', name: '答复函.pdf' };
    expect(await refused(upload('water', id, { ...base, type: 'image/gif', bytes: PNG }), 415)).toMatch(
      /PDF or a Word/,
    );
    // A photo is evidence, never a reply letter.
    await refused(upload('water', id, { ...base, type: 'image/png', bytes: PNG }), 415);
    expect(await refused(upload('water', id, { ...base, type: 'application/pdf', bytes: PNG }), 400)).toMatch(
      /not a real application\/pdf/,
    );
    await refused(
      upload('water', id, {
        ...base,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: PDF,
      }),
      400,
    );
    await refused(upload('water', id, { ...base, type: 'application/pdf', bytes: new Uint8Array(0) }), 400);
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(PDF);
    expect(await refused(upload('water', id, { ...base, type: 'application/pdf', bytes: huge }), 413)).toMatch(
      /10 MiB/,
    );
    await refused(upload('water', id, { ...base, name: '/', type: 'application/pdf', bytes: PDF }), 400);
    // A large scan under the limit is taken whole.
    const scan = new Uint8Array(6 * 1024 * 1024).fill(0x20);
    scan.set(PDF);
    const big = expectOk(
      await upload('water', id, { ...base, type: 'application/pdf', bytes: scan }),
      attachmentSchema,
    );
    expect(big.size).toBe(scan.byteLength);
    // Nothing refused was kept.
    expect(
      expectOk(await call('zhang', 'GET', `/api/docs/${id}/attachments`), attachmentListSchema).attachments.map(
        (each) => each.id,
      ),
    ).toEqual([big.id]);
  });

  it('refuses uploads and downloads to whoever is not allowed, and a letter that is not the unit’s own', async () => {
    const id = await handedProposal();
    const other = await handedProposal();
    const pdf = { kind: 'reply_letter', name: '答复函.pdf', type: 'application/pdf', bytes: PDF };
    await refused(upload('health', id, pdf), 403);
    await refused(upload('zhang', id, pdf), 403);
    await refused(upload('secretariat', id, pdf), 403);
    // Evidence is the secretariat's, and only on a report.
    await refused(upload('secretariat', id, { ...pdf, kind: 'evidence' }), 403);
    await refused(upload('water', id, { ...pdf, kind: 'evidence' }), 403);

    const letter = expectOk(await upload('water', id, pdf), attachmentSchema);
    await refused(call('health', 'GET', `/api/docs/${id}/attachments/${letter.id}`), 403);
    await refused(call('health', 'GET', `/api/docs/${id}/attachments`), 403);
    await refused(call('zhang', 'GET', `/api/docs/${id}/attachments/${randomUUID()}`), 404);
    // The letter of one proposal is no answer to another.
    expect(
      await refused(
        call('water', 'POST', `/api/docs/${other}/case/answer`, { answerClass: 'A', attachmentId: letter.id }),
        400,
      ),
    ).toMatch(/upload it first/);
    expect(
      await refused(call('water', 'POST', `/api/docs/${id}/case/answer`, { answerClass: 'A', text: ' ' }), 400),
    ).toMatch(/reply letter/);
  });
});

describe('the use made of reports (P20, U1-U3)', () => {
  async function approvedReport(kind: DocKind = DocKind.socialInfo): Promise<DocId> {
    const { id } = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind, title: '关于菜价的社情民意' });
    await move(id, [
      ['zhang', 'submit', 'draft'],
      ['convener', 'approve', 'in_review'],
    ]);
    return id;
  }

  const adoption = (extra: Record<string, unknown> = {}) => ({
    type: 'adopted',
    level: 'province',
    by: '省政协《社情民意》第12期',
    at: Date.UTC(2026, 0, 5),
    note: '全文采用',
    ...extra,
  });

  it('records an adoption with its scan, tells the proposer, shows it to readers, and removes it', async () => {
    const id = await approvedReport();
    const scan = expectOk(
      await upload('secretariat', id, {
        kind: 'evidence',
        name: '采用通知扫描件.jpg',
        type: 'image/jpeg',
        bytes: JPEG,
      }),
      attachmentSchema,
    );
    const recorded = expectOk(
      await call('secretariat', 'POST', `/api/docs/${id}/adoptions`, adoption({ evidenceAttachmentId: scan.id })),
      adoptionListSchema,
    );
    expect(recorded.records).toHaveLength(1);
    expect(recorded.attachments.map((each) => each.id)).toEqual([scan.id]);
    expectOk(
      await call(
        'secretariat',
        'POST',
        `/api/docs/${id}/adoptions`,
        adoption({ type: 'forwarded', level: 'national' }),
      ),
      adoptionListSchema,
    );

    const inbox = expectOk(await call('zhang', 'GET', '/api/notifications'), inboxSchema);
    const told = inbox.notifications.filter((n) => n.docId === id && n.type !== 'approved');
    // Forwarding alone tells nobody.
    expect(told.map((n) => [n.type, n.reason])).toEqual([['adopted', '省政协《社情民意》第12期']]);

    const seen = expectOk(await call('zhang', 'GET', `/api/docs/${id}/adoptions`), adoptionListSchema);
    expect(seen.records.map((record) => record.type)).toEqual(['adopted', 'forwarded']);
    const first = seen.records[0]?.id ?? '';
    await refused(call('zhang', 'DELETE', `/api/docs/${id}/adoptions/${first}`), 403);
    const after = expectOk(
      await call('secretariat', 'DELETE', `/api/docs/${id}/adoptions/${first}`),
      adoptionListSchema,
    );
    expect(after.records.map((record) => record.type)).toEqual(['forwarded']);
    await refused(call('secretariat', 'DELETE', `/api/docs/${id}/adoptions/${first}`), 404);
  });

  it('refuses records from anyone but the secretariat, on proposals and drafts, with bad evidence or dates', async () => {
    const id = await approvedReport(DocKind.researchReport);
    await refused(call('zhang', 'POST', `/api/docs/${id}/adoptions`, adoption()), 403);
    await refused(call('chair', 'POST', `/api/docs/${id}/adoptions`, adoption()), 403);
    await refused(upload('zhang', id, { kind: 'evidence', name: 'a.png', type: 'image/png', bytes: PNG }), 403);
    expect(
      await refused(
        call('secretariat', 'POST', `/api/docs/${id}/adoptions`, adoption({ evidenceAttachmentId: randomUUID() })),
        400,
      ),
    ).toMatch(/evidence/);
    await refused(
      call('secretariat', 'POST', `/api/docs/${id}/adoptions`, adoption({ at: Date.now() + 7 * 86_400_000 })),
      400,
    );
    await refused(call('secretariat', 'POST', `/api/docs/${id}/adoptions`, adoption({ level: 'county' })), 400);

    const draft = (await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.socialInfo })).id;
    await refused(call('secretariat', 'POST', `/api/docs/${draft}/adoptions`, adoption()), 403);
    const proposal = await handedProposal();
    await refused(call('secretariat', 'POST', `/api/docs/${proposal}/adoptions`, adoption()), 403);
    // A unit never reads a report.
    await refused(call('water', 'GET', `/api/docs/${id}/adoptions`), 403);
    expect(expectOk(await call('chair', 'GET', `/api/docs/${id}/adoptions`), z.unknown())).toEqual({
      records: [],
      attachments: [],
    });
  });
});
