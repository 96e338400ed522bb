import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, type DocId, DocKind, DocStatus, newDocId } from '../../../shared';
import { FakeServer, makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { startTestApp, type TestApp } from '../../test/testApp';
import { waitUntil } from '../../test/waitUntil';
import { ClientErrorCode } from '../errors';
import type { SyncOutcome } from '../rooms';

let server: FakeServer;
let test: TestApp;
let synced: DocId[];
const groupId = newGroupId();
const me = makeMe([groupId]);
const PASSWORD = 'correct horse';

beforeEach(async () => {
  server = new FakeServer();
  server.addUser(me, PASSWORD);
  synced = [];
  test = await startTestApp(server, {
    syncDoc: async (docId): Promise<SyncOutcome> => {
      synced.push(docId);
      return 'synced';
    },
  });
});

afterEach(async () => {
  await test.stop();
});

/** The account's services once `me` is signed in, as the pages see them. */
async function startSignedIn() {
  const account = await test.signIn(me, PASSWORD);
  const { auth } = test.app;
  return { ...account, auth, runtime: account.workspace };
}

describe('WorkspaceRuntime', () => {
  it('lists a document created offline at once and lets it connect only after it is registered', async () => {
    const { runtime, outbox, gate } = await startSignedIn();
    server.isOnline = false;
    const docId = await runtime.createDocument({ kind: DocKind.researchReport, groupId, title: '农村养老' });
    await waitUntil(() => runtime.view.getSnapshot()?.docs.some((d) => d.id === docId) === true, { what: 'listing' });
    expect(runtime.view.getSnapshot()?.docs[0]).toMatchObject({
      id: docId,
      kind: DocKind.researchReport,
      groupId,
      title: '农村养老',
      status: DocStatus.draft,
      createdBy: me.id,
    });
    expect(runtime.accessOf(docId)).toBe('write');
    expect(gate.isOpen(docId)).toBe(false);

    let gateChanges = 0;
    gate.subscribe(() => {
      gateChanges += 1;
    });
    server.isOnline = true;
    await outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
    expect(gate.isOpen(docId)).toBe(true);
    expect(gateChanges).toBeGreaterThan(0);
  });

  it('refuses to create a document in a group the user is not in, before any request', async () => {
    const { runtime } = await startSignedIn();
    await expect(runtime.createDocument({ kind: DocKind.proposal, groupId: newGroupId() })).rejects.toMatchObject({
      code: ClientErrorCode.forbidden,
      denial: 'not_in_group',
    });
  });

  it('turns a relay 4401 into an expired session that keeps the gate closed until the next sign-in', async () => {
    const { gate, auth } = await startSignedIn();
    const docId = newDocId();
    server.docs.set(docId, makeRecord(docId, groupId));
    gate.onRefused(docId, { code: CloseCode.unauthorized, reason: 'session expired' });
    expect(auth.getSnapshot()).toEqual({ status: 'expired', me });
    expect(gate.isOpen(docId)).toBe(false);
    await auth.signIn(me.username, PASSWORD);
    expect(gate.isOpen(docId)).toBe(true);
  });

  it('registers a document again through the outbox when the relay does not know it (4410)', async () => {
    const { runtime, outbox, gate } = await startSignedIn();
    server.isOnline = false;
    const docId = await runtime.createDocument({ kind: DocKind.proposal, groupId });
    server.isOnline = true;
    await outbox.flush();
    server.docs.clear();
    gate.onRefused(docId, { code: CloseCode.documentNotFound, reason: 'not registered' });
    await waitUntil(() => server.docs.has(docId), { what: 'the second registration' });
    await waitUntil(() => gate.isOpen(docId), { what: 'the gate to reopen' });
  });

  it('says none after a relay 4403 and forgets it when a fresh workspace lists the document', async () => {
    const docId = newDocId();
    server.docs.set(docId, makeRecord(docId, groupId, { updatedAt: 3 }));
    const { runtime, gate } = await startSignedIn();
    await waitUntil(() => runtime.accessOf(docId) === 'write', { what: 'access from the cached record' });
    gate.onRefused(docId, { code: CloseCode.forbidden, reason: 'not in group' });
    expect(runtime.accessOf(docId)).toBe('none');
    expect(gate.isOpen(docId)).toBe(false);
    await runtime.refresh();
    expect(runtime.accessOf(docId)).toBe('write');
  });

  it('reads a document in review, and asks the server about a document it has never seen', async () => {
    const inReview = newDocId();
    const unknown = newDocId();
    server.docs.set(inReview, makeRecord(inReview, groupId, { status: DocStatus.inReview }));
    const { runtime, access } = await startSignedIn();
    await waitUntil(() => runtime.accessOf(inReview) === 'read', { what: 'read access' });
    expect(runtime.accessOf(unknown)).toBe('checking');
    await access.confirm(unknown);
    expect(runtime.accessOf(unknown)).toBe('not_found');
    server.isOnline = false;
    const other = newDocId();
    await access.confirm(other);
    expect(runtime.accessOf(other)).toBe('unknown_offline');
  });

  it('brings every listed document onto the device after sign-in and skips it the next time', async () => {
    const docs = [newDocId(), newDocId()];
    for (const [i, docId] of docs.entries()) {
      server.docs.set(docId, makeRecord(docId, groupId, { updatedAt: 10 + i }));
    }
    const { backgroundSync } = await startSignedIn();
    await waitUntil(() => backgroundSync.state.getSnapshot().phase === 'done', { what: 'the sync' });
    expect(synced).toEqual([docs[1], docs[0]]);
    expect(backgroundSync.state.getSnapshot()).toEqual({ phase: 'done', done: 2, total: 2, failed: 0 });
    await backgroundSync.run();
    expect(synced).toHaveLength(2);
  });

  it('keeps the cached workspace and the user signed in when started offline', async () => {
    const dbName = `test-${crypto.randomUUID()}`;
    const first = await startTestApp(server, { dbName });
    await first.signIn(me, PASSWORD);
    first.app.start()();
    server.isOnline = false;
    const next = await startTestApp(server, { dbName, isOnline: () => false, syncDoc: async () => 'offline' });
    await waitUntil(() => next.app.account.getSnapshot()?.workspace.view.getSnapshot() != null, {
      what: 'the cached workspace',
    });
    expect(next.app.auth.getSnapshot()).toEqual({ status: 'signed_in', me });
    await expect(next.account().workspace.refresh()).rejects.toMatchObject({ code: ClientErrorCode.network });
    await next.stop();
    await first.stop();
  });
});
