import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, DocStatus, newDocId } from '../../../shared';
import type { DocEvent, TransitionResult } from '../../../shared/api/review';
import type { DocRecord } from '../../../shared/api/schemas';
import { FakeServer, makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { waitUntil } from '../../test/waitUntil';
import { ApiClient } from '../api/ApiClient';
import { createStore } from '../lib/createStore';
import { Outbox } from '../outbox/Outbox';
import { getDocRecord, saveServerRecord } from '../storage/docRecords';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import { appendUpdate, countUnsent, deleteUnsent, listUnsent } from '../storage/updateLog';
import type { SyncOutcome } from '../sync/BackgroundSync';
import type { AuthState } from '../workspace/AuthStore';
import { ReviewRuntime } from './ReviewRuntime';

const groupId = newGroupId();
const me = makeMe([groupId]);

let db: JianyanDb;
let server: FakeServer;
let outbox: Outbox;
let review: ReviewRuntime;
/** What the fake relay does when the outbox asks it to upload a document's content. */
let syncOutcome: SyncOutcome;
/** While set, an upload waits for it (a slow link). */
let syncGate: Promise<void> | null;
/** The upload acknowledges the content, then hangs on the comments (a slow comments document). */
let isCommentsStuck: boolean;
/** Every server request and content upload, in order. */
let log: string[];
/** requestIds the fake server has already done, with their answers. */
let done: Map<string, TransitionResult>;

function transitionResult(record: DocRecord, fromStatus: DocStatus): TransitionResult {
  const event: DocEvent = {
    id: crypto.randomUUID(),
    docId: record.id,
    type: 'submitted',
    actorId: me.id,
    at: 2,
    reason: null,
    versionId: null,
    subjectId: null,
    fromStatus,
    toStatus: record.status,
  };
  return { record, event, version: null };
}

/** The review routes the outbox needs, on top of the FakeServer's built-in ones. */
function installReviewRoutes(): void {
  server.handler = ({ method, path, body }) => {
    const match = /^\/api\/docs\/([0-9a-f-]+)\/transitions$/.exec(path);
    if (method === 'POST' && match !== null) {
      log.push('POST transition');
      const input = body as { action: string; fromStatus: DocStatus; requestId: string };
      const earlier = done.get(input.requestId);
      if (earlier !== undefined) {
        return { status: 200, body: earlier };
      }
      const record = server.docs.get(match[1] as DocId);
      if (record === undefined || record.status !== input.fromStatus) {
        return { status: 409, body: { error: 'conflict', message: 'The status moved on' } };
      }
      const next = { ...record, status: DocStatus.inReview };
      server.docs.set(next.id, next);
      const result = transitionResult(next, input.fromStatus);
      done.set(input.requestId, result);
      return { status: 200, body: result };
    }
    if (method === 'POST' && path === '/api/notifications/read') {
      log.push(`read ${(body as { ids: string[] }).ids.join(',')}`);
      return { status: 200, body: { unreadCount: 0 } };
    }
    return undefined;
  };
}

beforeEach(async () => {
  db = createDb(`test-${crypto.randomUUID()}`);
  server = new FakeServer();
  server.addUser(me);
  server.sessionUser = me;
  installReviewRoutes();
  syncOutcome = 'synced';
  syncGate = null;
  isCommentsStuck = false;
  log = [];
  done = new Map();
  const api = new ApiClient({ fetch: server.fetch });
  outbox = new Outbox({
    db,
    api,
    currentUser: () => me.id,
    canSend: () => true,
    syncDoc: async (docId) => {
      log.push('upload content');
      await syncGate;
      if (syncOutcome === 'synced') {
        await deleteUnsent(
          db,
          docId,
          (await listUnsent(db, docId)).map((row) => row.seq ?? -1),
        );
      }
      if (isCommentsStuck) {
        await new Promise(() => {});
      }
      return syncOutcome;
    },
  });
  const auth = createStore<AuthState>({ status: 'signed_in', me });
  review = new ReviewRuntime({ db, api, auth, outbox, isOnline: () => server.isOnline, createEventSource: () => null });
  await outbox.reload();
});

afterEach(async () => {
  outbox.stop();
  review.stop();
  await db.delete();
});

async function draftOnServer(): Promise<DocId> {
  const docId = newDocId();
  const record = makeRecord(docId, groupId, { createdBy: me.id });
  server.docs.set(docId, record);
  await saveServerRecord(db, record);
  return docId;
}

describe('queued workflow transitions', () => {
  it('keeps a submit made offline pending, then applies it and stores the record once online', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    expect((await getDocRecord(db, docId))?.record?.status).toBe(DocStatus.draft);

    server.isOnline = true;
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(server.docs.get(docId)?.status).toBe(DocStatus.inReview);
    expect((await getDocRecord(db, docId))?.record?.status).toBe(DocStatus.inReview);
  });

  it('sends a submit only after the content made on this device is on the server', async () => {
    const docId = await draftOnServer();
    await appendUpdate(db, docId, new Uint8Array([1, 2, 3]), true);
    syncOutcome = 'offline';
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await outbox.flush();
    expect(log).toEqual(['upload content']);
    expect(outbox.summary.getSnapshot().pending).toBe(1);

    syncOutcome = 'failed';
    await outbox.flush();
    expect(log).toEqual(['upload content', 'upload content']);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });

    syncOutcome = 'synced';
    await outbox.flush();
    expect(log).toEqual(['upload content', 'upload content', 'upload content', 'POST transition']);
    expect(await countUnsent(db, docId)).toBe(0);
    expect(server.docs.get(docId)?.status).toBe(DocStatus.inReview);
  });

  it('sends a submit once the content is acknowledged, while the comments are still on their way', async () => {
    const docId = await draftOnServer();
    await appendUpdate(db, docId, new Uint8Array([1, 2, 3]), true);
    isCommentsStuck = true;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await waitUntil(() => server.docs.get(docId)?.status === DocStatus.inReview, { what: 'the submit' });
    expect(log).toEqual(['upload content', 'POST transition']);
  });

  it('sends the same request id again after a lost answer, and the server does it once', async () => {
    const docId = await draftOnServer();
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    const requestId = (await db.outbox.toArray())[0]?.payload;
    server.loseAnswers = 1;
    await outbox.flush();
    expect(outbox.summary.getSnapshot().pending).toBe(1);
    expect((await db.outbox.toArray())[0]?.payload).toEqual(requestId);

    await outbox.flush();
    expect(log).toEqual(['POST transition', 'POST transition']);
    expect(done.size).toBe(1);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
  });

  it('keeps a refusal as a problem and stores the status the document moved on to', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    // Meanwhile another member submitted and the chair approved.
    server.docs.set(docId, { ...(server.docs.get(docId) as DocRecord), status: DocStatus.approved });
    server.isOnline = true;
    await outbox.flush();
    expect(outbox.summary.getSnapshot().problems).toEqual([
      expect.objectContaining({ docId, op: 'transition', status: 409, code: 'conflict' }),
    ]);
    expect((await getDocRecord(db, docId))?.record?.status).toBe(DocStatus.approved);

    await outbox.flush();
    expect(log).toEqual(['POST transition']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses at once what the cached record already forbids, without queueing it', async () => {
    const docId = await draftOnServer();
    await expect(
      review.queueTransition(docId, { action: 'approve', fromStatus: DocStatus.draft }),
    ).rejects.toMatchObject({ status: 403, denial: 'role' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('does not queue the same submit twice while one waits', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    expect(await db.outbox.count()).toBe(1);
  });

  it('takes back a queued submit before it is sent, and not once its request is out', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    const id = String((await db.outbox.toArray())[0]?.seq);
    expect(await review.cancelTransition(id)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    server.isOnline = true;
    await outbox.flush();
    expect(log).toEqual([]);
    expect(server.docs.get(docId)?.status).toBe(DocStatus.draft);

    // Taken back while the content it waits for is on its way: the content goes, the submit does not.
    let release: () => void = () => {};
    syncGate = new Promise((resolve) => {
      release = resolve;
    });
    await appendUpdate(db, docId, new Uint8Array([1, 2, 3]), true);
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    const second = String((await db.outbox.toArray())[0]?.seq);
    await waitUntil(() => log.includes('upload content'), { what: 'the content upload' });
    expect(await review.cancelTransition(second)).toBe(true);
    release();
    await outbox.flush();
    expect(log).toEqual(['upload content']);
    expect(await db.outbox.count()).toBe(0);
    expect(server.docs.get(docId)?.status).toBe(DocStatus.draft);

    // Once the request is out it is too late.
    let tooLate: Promise<boolean> | null = null;
    const stop = outbox.requesting.subscribe(() => {
      const id = outbox.requesting.getSnapshot();
      if (id !== null) {
        tooLate = review.cancelTransition(id);
      }
    });
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await waitUntil(() => server.docs.get(docId)?.status === DocStatus.inReview, { what: 'the submit' });
    await outbox.flush();
    stop();
    expect(await (tooLate as Promise<boolean> | null)).toBe(false);
    expect(log).toEqual(['upload content', 'POST transition']);
    expect(outbox.requesting.getSnapshot()).toBeNull();
  });
});
