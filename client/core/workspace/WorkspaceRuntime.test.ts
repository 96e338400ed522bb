import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, type DocId, DocKind, DocStatus, newDocId } from '../../../shared';
import { FakeServer, makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { waitUntil } from '../../test/waitUntil';
import { ApiClient } from '../api/ApiClient';
import { ApiError } from '../api/ApiError';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import type { SyncOutcome } from '../sync/BackgroundSync';
import { WorkspaceRuntime } from './WorkspaceRuntime';

let db: JianyanDb;
let server: FakeServer;
let runtime: WorkspaceRuntime;
let synced: DocId[];
const groupId = newGroupId();
const me = makeMe([groupId]);
const PASSWORD = 'correct horse';

beforeEach(() => {
  db = createDb(`test-${crypto.randomUUID()}`);
  server = new FakeServer();
  server.addUser(me, PASSWORD);
  synced = [];
  runtime = new WorkspaceRuntime({
    db,
    api: new ApiClient({ fetch: server.fetch }),
    isOnline: () => server.isOnline,
    syncDoc: async (docId): Promise<SyncOutcome> => {
      synced.push(docId);
      return 'synced';
    },
  });
});

afterEach(async () => {
  runtime.stop();
  await db.delete();
});

async function startSignedIn(): Promise<void> {
  runtime.start();
  await waitUntil(() => runtime.auth.getSnapshot().status === 'signed_out', { what: 'the first auth state' });
  await runtime.auth.signIn(me.username, PASSWORD);
  await waitUntil(() => runtime.view.getSnapshot() !== null, { what: 'the first workspace' });
}

describe('WorkspaceRuntime', () => {
  it('lists a document created offline at once and lets it connect only after it is registered', async () => {
    await startSignedIn();
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
    expect(runtime.gate.isOpen(docId)).toBe(false);

    let gateChanges = 0;
    runtime.gate.subscribe(() => {
      gateChanges += 1;
    });
    server.isOnline = true;
    await runtime.outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
    expect(runtime.gate.isOpen(docId)).toBe(true);
    expect(gateChanges).toBeGreaterThan(0);
  });

  it('refuses to create a document in a group the user is not in, before any request', async () => {
    await startSignedIn();
    await expect(runtime.createDocument({ kind: DocKind.proposal, groupId: newGroupId() })).rejects.toMatchObject({
      status: 403,
      denial: 'not_in_group',
    });
  });

  it('turns a relay 4401 into an expired session that keeps the gate closed until the next sign-in', async () => {
    await startSignedIn();
    const docId = newDocId();
    server.docs.set(docId, makeRecord(docId, groupId));
    runtime.gate.onRefused(docId, { code: CloseCode.unauthorized, reason: 'session expired' });
    expect(runtime.auth.getSnapshot()).toEqual({ status: 'expired', me });
    expect(runtime.gate.isOpen(docId)).toBe(false);
    await runtime.auth.signIn(me.username, PASSWORD);
    expect(runtime.gate.isOpen(docId)).toBe(true);
  });

  it('registers a document again through the outbox when the relay does not know it (4410)', async () => {
    await startSignedIn();
    server.isOnline = false;
    const docId = await runtime.createDocument({ kind: DocKind.proposal, groupId });
    server.isOnline = true;
    await runtime.outbox.flush();
    server.docs.clear();
    runtime.gate.onRefused(docId, { code: CloseCode.documentNotFound, reason: 'not registered' });
    await waitUntil(() => server.docs.has(docId), { what: 'the second registration' });
    await waitUntil(() => runtime.gate.isOpen(docId), { what: 'the gate to reopen' });
  });

  it('says none after a relay 4403 and forgets it when a fresh workspace lists the document', async () => {
    const docId = newDocId();
    server.docs.set(docId, makeRecord(docId, groupId, { updatedAt: 3 }));
    await startSignedIn();
    await waitUntil(() => runtime.accessOf(docId) === 'write', { what: 'access from the cached record' });
    runtime.gate.onRefused(docId, { code: CloseCode.forbidden, reason: 'not in group' });
    expect(runtime.accessOf(docId)).toBe('none');
    expect(runtime.gate.isOpen(docId)).toBe(false);
    await runtime.refresh();
    expect(runtime.accessOf(docId)).toBe('write');
  });

  it('reads a document in review, and asks the server about a document it has never seen', async () => {
    const inReview = newDocId();
    const unknown = newDocId();
    server.docs.set(inReview, makeRecord(inReview, groupId, { status: DocStatus.inReview }));
    await startSignedIn();
    await waitUntil(() => runtime.accessOf(inReview) === 'read', { what: 'read access' });
    expect(runtime.accessOf(unknown)).toBe('checking');
    await runtime.access.confirm(unknown);
    expect(runtime.accessOf(unknown)).toBe('not_found');
    server.isOnline = false;
    const other = newDocId();
    await runtime.access.confirm(other);
    expect(runtime.accessOf(other)).toBe('unknown_offline');
  });

  it('brings every listed document onto the device after sign-in and skips it the next time', async () => {
    const docs = [newDocId(), newDocId()];
    for (const [i, docId] of docs.entries()) {
      server.docs.set(docId, makeRecord(docId, groupId, { updatedAt: 10 + i }));
    }
    await startSignedIn();
    await waitUntil(() => runtime.backgroundSync.state.getSnapshot().phase === 'done', { what: 'the sync' });
    expect(synced).toEqual([docs[1], docs[0]]);
    expect(runtime.backgroundSync.state.getSnapshot()).toEqual({ phase: 'done', done: 2, total: 2, failed: 0 });
    await runtime.backgroundSync.run();
    expect(synced).toHaveLength(2);
  });

  it('keeps the cached workspace and the user signed in when started offline', async () => {
    await startSignedIn();
    runtime.stop();
    server.isOnline = false;
    const next = new WorkspaceRuntime({
      db,
      api: new ApiClient({ fetch: server.fetch }),
      isOnline: () => false,
      syncDoc: async () => 'offline',
    });
    next.start();
    await waitUntil(() => next.view.getSnapshot() !== null, { what: 'the cached workspace' });
    expect(next.auth.getSnapshot()).toEqual({ status: 'signed_in', me });
    await expect(next.refresh()).rejects.not.toBeInstanceOf(ApiError);
    next.stop();
  });
});
