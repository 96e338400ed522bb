import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, DocStatus, newDocId, roomNameOf } from '../../../shared';
import type { DocEvent, TransitionResult } from '../../../shared/api/review';
import type { DocRecord } from '../../../shared/api/schemas';
import { FakeServer, makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { startTestApp, type TestApp } from '../../test/testApp';
import { waitUntil } from '../../test/waitUntil';
import type { Outbox } from '../outbox';
import type { SyncOutcome } from '../rooms';
import type { WorkspaceCache } from '../workspace';
import type { ReviewRuntime } from './ReviewRuntime';

const groupId = newGroupId();
const me = makeMe([groupId]);

let server: FakeServer;
let test: TestApp;
let outbox: Outbox;
let review: ReviewRuntime;
let cache: WorkspaceCache;
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
/** The request id of every transition request, in order. */
let requestIds: string[];

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
      requestIds.push(input.requestId);
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
  server = new FakeServer();
  server.addUser(me);
  installReviewRoutes();
  syncOutcome = 'synced';
  syncGate = null;
  isCommentsStuck = false;
  log = [];
  done = new Map();
  requestIds = [];
  test = await startTestApp(server, {
    syncDoc: async (docId) => {
      log.push('upload content');
      await syncGate;
      if (syncOutcome === 'synced') {
        const updates = test.account().store.updates;
        const room = roomNameOf(docId);
        await updates.acknowledge(
          room,
          (await updates.listUnsent(room)).map((row) => row.seq),
        );
      }
      if (isCommentsStuck) {
        await new Promise(() => {});
      }
      return syncOutcome;
    },
  });
  ({ outbox, review, cache } = await test.signIn(me));
  log = [];
});

afterEach(async () => {
  await test.stop();
});

async function draftOnServer(): Promise<DocId> {
  const docId = newDocId();
  const record = makeRecord(docId, groupId, { createdBy: me.id });
  server.docs.set(docId, record);
  await cache.saveServerRecord(record);
  return docId;
}

/** A change made on this device in the document, not yet on the server. */
async function editLocally(docId: DocId): Promise<void> {
  await test.account().store.updates.append(roomNameOf(docId), new Uint8Array([1, 2, 3]), true);
}

function statusOf(docId: DocId): DocStatus | undefined {
  return cache.rowOf(docId)?.record?.status;
}

describe('queued workflow transitions', () => {
  it('keeps a submit made offline pending, then applies it and stores the record once online', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    expect(statusOf(docId)).toBe(DocStatus.draft);

    server.isOnline = true;
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(server.docs.get(docId)?.status).toBe(DocStatus.inReview);
    expect(statusOf(docId)).toBe(DocStatus.inReview);
  });

  it('sends a submit only after the content made on this device is on the server', async () => {
    const docId = await draftOnServer();
    await editLocally(docId);
    syncOutcome = 'offline';
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await outbox.flush();
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((entry) => entry === 'upload content')).toBe(true);
    expect(outbox.summary.getSnapshot().pending).toBe(1);

    syncOutcome = 'failed';
    const before = log.length;
    await outbox.flush();
    expect(log.length).toBeGreaterThan(before);
    expect(log.every((entry) => entry === 'upload content')).toBe(true);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });

    syncOutcome = 'synced';
    await outbox.flush();
    expect(log.slice(-2)).toEqual(['upload content', 'POST transition']);
    expect(log.filter((entry) => entry === 'POST transition')).toHaveLength(1);
    expect(await test.account().store.updates.countUnsent(roomNameOf(docId))).toBe(0);
    expect(server.docs.get(docId)?.status).toBe(DocStatus.inReview);
  });

  it('sends a submit once the content is acknowledged, while the comments are still on their way', async () => {
    const docId = await draftOnServer();
    await editLocally(docId);
    isCommentsStuck = true;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await waitUntil(() => server.docs.get(docId)?.status === DocStatus.inReview, { what: 'the submit' });
    expect(log).toEqual(['upload content', 'POST transition']);
  });

  it('sends the same request id again after a lost answer, and the server does it once', async () => {
    const docId = await draftOnServer();
    server.loseAnswers = 1;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    // Asked while the first attempt runs, the flush resolves once the attempt after it is done.
    await outbox.flush();
    expect(log).toEqual(['POST transition', 'POST transition']);
    expect(new Set(requestIds).size).toBe(1);
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
      expect.objectContaining({ docId, op: 'transition', code: 'conflict' }),
    ]);
    expect(statusOf(docId)).toBe(DocStatus.approved);

    await outbox.flush();
    expect(log).toEqual(['POST transition']);
    expect(await test.account().store.outbox.list()).toHaveLength(1);
  });

  it('refuses at once what the cached record already forbids, without queueing it', async () => {
    const docId = await draftOnServer();
    await expect(
      review.queueTransition(docId, { action: 'approve', fromStatus: DocStatus.draft }),
    ).rejects.toMatchObject({ code: 'forbidden', denial: 'role' });
    expect(await test.account().store.outbox.list()).toHaveLength(0);
  });

  it('does not queue the same submit twice while one waits', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    expect(await test.account().store.outbox.list()).toHaveLength(1);
  });

  it('takes back a queued submit before it is sent, and not once its request is out', async () => {
    const docId = await draftOnServer();
    server.isOnline = false;
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    const id = String((await test.account().store.outbox.list())[0]?.seq);
    expect(await review.cancelTransition(id)).toBe(true);
    expect(await test.account().store.outbox.list()).toHaveLength(0);
    server.isOnline = true;
    await outbox.flush();
    expect(log).toEqual([]);
    expect(server.docs.get(docId)?.status).toBe(DocStatus.draft);

    // Taken back while the content it waits for is on its way: the content goes, the submit does not.
    let release: () => void = () => {};
    syncGate = new Promise((resolve) => {
      release = resolve;
    });
    await editLocally(docId);
    await review.queueTransition(docId, { action: 'submit', fromStatus: DocStatus.draft });
    const second = String((await test.account().store.outbox.list())[0]?.seq);
    await waitUntil(() => log.includes('upload content'), { what: 'the content upload' });
    expect(await review.cancelTransition(second)).toBe(true);
    release();
    await outbox.flush();
    expect(log).toEqual(['upload content']);
    expect(await test.account().store.outbox.list()).toHaveLength(0);
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
