import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, newDocId, type UserId } from '../../../shared';
import type { DocActivity } from '../../../shared/api/review';
import type { Cosigner, DocRecord } from '../../../shared/api/schemas';
import { FakeServer, makeMe, makeRecord, newGroupId, newUserId } from '../../test/FakeServer';
import { startTestApp, type TestApp } from '../../test/testApp';
import { waitUntil } from '../../test/waitUntil';
import type { WorkspaceCache } from '../workspace';
import type { ReviewRuntime } from './ReviewRuntime';
import { signedSnapshots } from './signatureSnapshots';

const groupId = newGroupId();
const me = makeMe([groupId]);

function signed(userId: UserId, snapshot: string | null, signedAt = 5): Cosigner {
  return { userId, state: 'signed', invitedBy: null, invitedAt: null, signedAt, snapshot };
}

function activityOf(record: DocRecord): DocActivity {
  return { record, events: [], versions: [], lastReviewedVersionId: null };
}

let test: TestApp;
let server: FakeServer;
let review: ReviewRuntime;
let cache: WorkspaceCache;
/** What `GET /api/docs/:id/activity` answers now; null: a 503. */
let serverActivity: DocActivity | null;
/** While set, activity answers (made when asked) reach the client only once it resolves. */
let answerGate: Promise<void> | null;

beforeEach(async () => {
  server = new FakeServer();
  server.addUser(me);
  serverActivity = null;
  answerGate = null;
  server.handler = ({ method, path }) => {
    if (method === 'GET' && path.endsWith('/activity')) {
      return serverActivity === null ? { status: 503, body: {} } : { status: 200, body: serverActivity };
    }
    return undefined;
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await server.fetch(input, init);
    if (String(input).endsWith('/activity')) {
      await answerGate;
    }
    return response;
  };
  test = await startTestApp(server, { fetch });
  ({ review, cache } = await test.signIn(me));
});

afterEach(async () => {
  await test.stop();
});

async function cachedUpdatedAt(docId: DocId): Promise<{ record?: number; activity?: number }> {
  const record = (await test.account().store.docs.get(docId))?.record?.updatedAt;
  const activity = (await test.account().store.activity.read(docId, me.id))?.record.updatedAt;
  return { ...(record === undefined ? {} : { record }), ...(activity === undefined ? {} : { activity }) };
}

function activityRequests(): number {
  return server.requests.filter((each) => each.endsWith('/activity')).length;
}

describe('the cached activity', () => {
  it('keeps the signature snapshots when a record without them arrives from the stream', async () => {
    const alice = newUserId();
    const docId = newDocId();
    serverActivity = activityOf(makeRecord(docId, groupId, { cosigners: [signed(alice, 'AAAA')] }));
    await review.refreshActivity(docId);
    expect((await test.account().store.activity.read(docId, me.id))?.record.cosigners[0]?.snapshot).toBe('AAAA');

    serverActivity = null;
    const streamed = makeRecord(docId, groupId, { updatedAt: 7, cosigners: [signed(alice, null)] });
    const stop = review.watchActivity(docId);
    await waitUntil(() => activityRequests() === 2, { what: 'the fetch when watching starts' });
    // What the stream does with a record: it is stored, and the page's activity fetched again.
    await cache.saveServerRecord(streamed);
    await waitUntil(() => activityRequests() === 3, { what: 'the fetch after the record changed' });
    await review.refreshActivity(docId);
    stop();
    expect(await cachedUpdatedAt(docId)).toEqual({ record: 7, activity: 1 });
    const cached = await test.account().store.activity.read(docId, me.id);
    expect([...signedSnapshots(streamed.cosigners, cached)]).toEqual([[alice, 'AAAA']]);
  });

  it('fetches again when asked during a fetch, and an older answer never replaces a newer record', async () => {
    const docId = newDocId();
    serverActivity = activityOf(makeRecord(docId, groupId, { updatedAt: 1 }));
    let release: () => void = () => {};
    answerGate = new Promise((resolve) => {
      release = resolve;
    });
    const stop = review.watchActivity(docId);
    await new Promise((resolve) => setTimeout(resolve, 10));

    // The record changes while the first answer (updatedAt 1) is on its way.
    const newer = makeRecord(docId, groupId, { updatedAt: 2 });
    serverActivity = activityOf(newer);
    await cache.saveServerRecord(newer);
    expect(await cachedUpdatedAt(docId)).toEqual({ record: 2 });
    answerGate = null;
    release();
    await waitUntil(async () => (await cachedUpdatedAt(docId)).activity === 2, { what: 'the newer activity' });
    stop();
    expect(await cachedUpdatedAt(docId)).toEqual({ record: 2, activity: 2 });
    expect(activityRequests()).toBe(2);
  });
});
