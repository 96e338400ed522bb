import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docActivitySchema, inboxSchema } from '../../shared/api/review';
import { apiErrorSchema, docRecordSchema } from '../../shared/api/schemas';
import { type DocId, DocKind } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import {
  ClientPool,
  draftWith,
  REVIEW_PLAN,
  type ReviewPerson,
  snapshotOf,
  transition,
} from './support/reviewWorkspace';
import { setupSeededServer } from './support/setupTestServer';

const pool = new ClientPool();
const ctx = setupSeededServer(REVIEW_PLAN, { onBeforeDispose: () => pool.closeAll() });

function invite(as: ReviewPerson, id: DocId, people: readonly ReviewPerson[]) {
  return apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/cosigners`, {
    token: ctx.tokenOf(as),
    json: { userIds: people.map((key) => ctx.workspace.people[key].id) },
  });
}

function sign(as: ReviewPerson, id: DocId, snapshot: string) {
  return apiRequest(ctx.server.url, 'PUT', `/api/docs/${id}/signature`, { token: ctx.tokenOf(as), json: { snapshot } });
}

/** A client of `as` on the document, synced with the server. */
function replica(as: ReviewPerson, id: DocId) {
  return pool.connect(ctx.server.wsUrl, id, { token: ctx.tokenOf(as) });
}

/** `as`'s notifications about one document, newest first. */
async function inboxAbout(as: ReviewPerson, id: DocId) {
  const inbox = expectOk(
    await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: ctx.tokenOf(as) }),
    inboxSchema,
  );
  return inbox.notifications.filter((notification) => notification.docId === id);
}

function stateOf(record: unknown, as: ReviewPerson): string | undefined {
  const id = ctx.workspace.people[as].id;
  return docRecordSchema.parse(record).cosigners.find((cosigner) => cosigner.userId === id)?.state;
}

describe('co-signing a proposal (P14)', () => {
  it('invites members of the group, refusing others by name, and tells each invitee', async () => {
    const { id } = await draftWith(ctx, pool, '邀请联名');
    const invited = await invite('zhang', id, ['zhao', 'li']);
    expect(invited.status).toBe(200);
    expect(stateOf(invited.body, 'zhao')).toBe('invited');
    expect((await inboxAbout('zhao', id)).map((n) => n.type)).toEqual(['cosign_requested']);

    const outsider = await invite('zhang', id, ['wang']);
    expect(outsider.status).toBe(400);
    expect(apiErrorSchema.parse(outsider.body)).toMatchObject({
      field: 'userIds',
      message: expect.stringContaining('王委员'),
    });
    expect((await invite('zhang', id, ['zhang'])).status).toBe(400);
    expect((await invite('li', id, ['zhao'])).body).toMatchObject({ error: 'forbidden', denial: 'role' });

    const report = await draftWith(ctx, pool, '调研报告', DocKind.researchReport);
    expect((await invite('zhang', report.id, ['zhao'])).status).toBe(409);
  });

  it('signs the version the co-signer holds, signs again after a change, and withdraws', async () => {
    const { id, author } = await draftWith(ctx, pool, '联名提案');
    const invited = docRecordSchema.parse((await invite('zhang', id, ['zhao'])).body);
    const zhao = await replica('zhao', id);
    const signed = await sign('zhao', id, snapshotOf(zhao.doc));
    expect(signed.status).toBe(200);
    // A co-signer change makes a newer record.
    expect(docRecordSchema.parse(signed.body).updatedAt).toBeGreaterThan(invited.updatedAt);
    const first = docRecordSchema.parse(signed.body).cosigners[0];
    expect(first).toMatchObject({ state: 'signed', invitedBy: ctx.workspace.people.zhang.id });
    expect(Y.decodeSnapshot(Buffer.from(first?.snapshot ?? '', 'base64')).sv.size).toBeGreaterThan(0);
    // Only the activity and the signature answers carry snapshots.
    const get = (path: string) => apiRequest(ctx.server.url, 'GET', path, { token: ctx.tokenOf('zhang') });
    const record = docRecordSchema.parse((await get(`/api/docs/${id}`)).body);
    const listed = (await get('/api/docs')).body as { docs: unknown[] };
    const inList = listed.docs.map((doc) => docRecordSchema.parse(doc)).find((doc) => doc.id === id);
    const activity = expectOk(await get(`/api/docs/${id}/activity`), docActivitySchema);
    expect([record, inList].map((doc) => doc?.cosigners.map((c) => [c.state, c.snapshot]))).toEqual([
      [['signed', null]],
      [['signed', null]],
    ]);
    expect(activity.record.cosigners[0]?.snapshot).toBe(first?.snapshot);

    author.doc.getText('title').insert(0, '（修订）');
    await author.sync();
    await zhao.sync();
    const again = docRecordSchema.parse((await sign('zhao', id, snapshotOf(zhao.doc))).body).cosigners[0];
    expect(again?.snapshot).not.toBe(first?.snapshot);
    expect((await invite('zhang', id, ['zhao'])).body).toMatchObject({ cosigners: [{ state: 'signed' }] });

    const withdrawn = await apiRequest(ctx.server.url, 'DELETE', `/api/docs/${id}/signature`, {
      token: ctx.tokenOf('zhao'),
    });
    expect(stateOf(withdrawn.body, 'zhao')).toBe('withdrawn');
    const twice = await apiRequest(ctx.server.url, 'DELETE', `/api/docs/${id}/signature`, {
      token: ctx.tokenOf('zhao'),
    });
    expect(twice.status).toBe(409);
    const timeline = expectOk(await get(`/api/docs/${id}/activity`), docActivitySchema);
    expect(timeline.events.map((event) => [event.type, event.subjectId])).toEqual([
      ['cosign_invited', ctx.workspace.people.zhao.id],
      ['cosigned', null],
      ['cosigned', null],
      ['cosign_withdrawn', null],
    ]);
  });

  it('refuses a snapshot of changes the server has not received (409) and one that does not decode (400)', async () => {
    const { id } = await draftWith(ctx, pool, '未同步');
    const offline = new Y.Doc({ gc: false });
    const zhao = await replica('zhao', id);
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(zhao.doc));
    offline.getText('title').insert(0, '离线修改');
    const unknown = await sign('zhao', id, snapshotOf(offline));
    expect(unknown.status).toBe(409);
    expect(apiErrorSchema.parse(unknown.body).message).toMatch(/has not received every change you signed/);

    const deleted = new Y.Doc({ gc: false });
    Y.applyUpdate(deleted, Y.encodeStateAsUpdate(zhao.doc));
    deleted.getText('title').delete(0, 1);
    expect((await sign('zhao', id, snapshotOf(deleted))).status).toBe(409);

    const malformed = await sign('zhao', id, Buffer.from([0xff, 0xff, 0xff, 0xff]).toString('base64'));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ field: 'snapshot' });
    expect((await sign('zhao', id, 'not base64!')).body).toMatchObject({ field: 'snapshot' });
    expect((await sign('zhang', id, snapshotOf(zhao.doc))).body).toMatchObject({ denial: 'role' });
    expect((await sign('wang', id, snapshotOf(zhao.doc))).body).toMatchObject({ denial: 'not_in_group' });
  });

  it('accepts a signature body larger than an ordinary JSON body, storing the snapshot without padding', async () => {
    const { id } = await draftWith(ctx, pool, '长文');
    // A well-formed snapshot naming 20,000 clients at clock 0: large, and trivially on the server.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 20_000);
    for (let client = 1; client <= 20_000; client += 1) {
      encoding.writeVarUint(encoder, client * 1_000);
      encoding.writeVarUint(encoder, 0);
    }
    const snapshot = Buffer.from(encoding.toUint8Array(encoder)).toString('base64');
    expect(snapshot.length).toBeGreaterThan(64 * 1024);
    const signed = await sign('zhao', id, snapshot);
    expect(signed.status).toBe(200);
    expect(stateOf(signed.body, 'zhao')).toBe('signed');
    // None of those clients wrote to the document: the stored snapshot names none of them.
    const [stored] = docRecordSchema.parse(signed.body).cosigners;
    const decoded = Y.decodeSnapshot(Buffer.from(stored?.snapshot ?? '', 'base64'));
    expect([decoded.sv.size, decoded.ds.clients.size]).toEqual([0, 0]);
  });

  it('tells a co-signer at submit when the content changed since they signed, and no one else', async () => {
    const { id, author } = await draftWith(ctx, pool, '联名后修改');
    const zhao = await replica('zhao', id);
    await sign('zhao', id, snapshotOf(zhao.doc));
    author.doc.getText('title').insert(0, '（新）');
    await author.sync();
    const li = await replica('li', id);
    await sign('li', id, snapshotOf(li.doc));

    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    expect((await inboxAbout('zhao', id)).map((n) => n.type)).toEqual(['cosign_outdated']);
    expect(await inboxAbout('li', id)).toEqual([]);
    expect((await inboxAbout('chair', id)).map((n) => n.type)).toEqual(['review_requested']);
    expect((await inboxAbout('convener', id)).map((n) => n.type)).toEqual(['review_requested']);
    expect(await inboxAbout('zhang', id)).toEqual([]);
    expect(await inboxAbout('wang', id)).toEqual([]);

    await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '数据不足' });
    const [returned] = await inboxAbout('zhang', id);
    expect(returned).toMatchObject({ type: 'returned', reason: '数据不足', docTitle: '（新）联名后修改' });
    expect((await inboxAbout('li', id)).map((n) => n.type)).toEqual(['returned']);
  });

  it('S1: keeps a co-signer signed through their own later edits, while anyone else’s edit outdates', async () => {
    const { id, author } = await draftWith(ctx, pool, '联名后本人修改');
    const zhao = await replica('zhao', id);
    const li = await replica('li', id);
    await sign('zhao', id, snapshotOf(zhao.doc));
    await sign('li', id, snapshotOf(li.doc));
    // zhao edits as the app does: the client id mapped to zhao, deletions filed under zhao.
    const authors = new Y.PermanentUserData(zhao.doc, zhao.doc.getMap('authors'));
    authors.setUserMapping(zhao.doc, zhao.doc.clientID, ctx.workspace.people.zhao.id);
    zhao.doc.getText('title').insert(0, '（赵）');
    zhao.doc.getText('title').delete(3, 2);
    // PermanentUserData files the deletion on a timer, after the transaction.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await zhao.sync();

    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    expect(await inboxAbout('zhao', id)).toEqual([]);
    expect((await inboxAbout('li', id)).map((n) => n.type)).toEqual(['cosign_outdated']);

    await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '再议' });
    await author.sync();
    author.doc.getText('title').insert(0, '修订：');
    await author.sync();
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'returned' });
    expect((await inboxAbout('zhao', id)).map((n) => n.type)).toEqual(['cosign_outdated', 'returned']);
  });
});
