import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDocId, type UserId } from '../../shared';
import type { DocActivity } from '../../shared/api/review';
import type { Cosigner } from '../../shared/api/schemas';
import { ApiClient } from '../api/ApiClient';
import { createStore } from '../lib/createStore';
import { getDocRecord } from '../storage/docRecords';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import type { AuthState } from '../workspace/AuthStore';
import { Outbox } from '../workspace/Outbox';
import { FakeServer, makeMe, makeRecord, newGroupId, newUserId } from '../workspace/test/FakeServer';
import { readActivity } from './activityCache';
import { ReviewRuntime } from './ReviewRuntime';
import { signedSnapshots } from './signatureSnapshots';

const groupId = newGroupId();
const me = makeMe([groupId]);

function signed(userId: UserId, snapshot: string | null, signedAt = 5): Cosigner {
  return { userId, state: 'signed', invitedBy: null, invitedAt: null, signedAt, snapshot };
}

function activityOf(cosigners: Cosigner[], docId = newDocId()): DocActivity {
  return {
    record: makeRecord(docId, groupId, { cosigners }),
    events: [],
    versions: [],
    lastReviewedVersionId: null,
  };
}

describe('signedSnapshots', () => {
  const alice = newUserId();
  const bob = newUserId();

  it('reads the snapshots from the cached activity when the record has none', () => {
    const activity = activityOf([signed(alice, 'AAAA'), signed(bob, 'BBBB')]);
    const fromStream = [signed(alice, null), signed(bob, null)];
    expect([...signedSnapshots(fromStream, activity)]).toEqual([
      [alice, 'AAAA'],
      [bob, 'BBBB'],
    ]);
  });

  it('falls back to the record’s snapshot, and knows none for a signature the activity has not seen', () => {
    const activity = activityOf([signed(alice, 'OLD', 5), signed(bob, 'BOLD', 5)]);
    const record = [signed(alice, 'NEW', 9), signed(bob, null, 9)];
    expect([...signedSnapshots(record, activity)]).toEqual([[alice, 'NEW']]);
    expect([...signedSnapshots(record, null)]).toEqual([[alice, 'NEW']]);
  });

  it('skips co-signers who are only invited or withdrew', () => {
    const activity = activityOf([signed(alice, 'AAAA')]);
    const record: Cosigner[] = [{ ...signed(alice, null), state: 'withdrawn' }];
    expect(signedSnapshots(record, activity).size).toBe(0);
  });
});

describe('the cached activity', () => {
  let db: JianyanDb;
  let server: FakeServer;
  let review: ReviewRuntime;
  let outbox: Outbox;
  let serverActivity: DocActivity | null;

  beforeEach(async () => {
    db = createDb(`test-${crypto.randomUUID()}`);
    server = new FakeServer();
    server.addUser(me);
    server.sessionUser = me;
    serverActivity = null;
    server.handler = ({ method, path }) => {
      if (method === 'GET' && path.endsWith('/activity')) {
        return serverActivity === null ? { status: 503, body: {} } : { status: 200, body: serverActivity };
      }
      return undefined;
    };
    const api = new ApiClient({ fetch: server.fetch });
    outbox = new Outbox({ db, api, currentUser: () => me.id, canSend: () => true });
    const auth = createStore<AuthState>({ status: 'signed_in', me });
    review = new ReviewRuntime({ db, api, auth, outbox, isOnline: () => true, createEventSource: () => null });
  });

  afterEach(async () => {
    review.stop();
    outbox.stop();
    await db.delete();
  });

  it('keeps the signature snapshots when a record without them arrives from the stream', async () => {
    const alice = newUserId();
    const activity = activityOf([signed(alice, 'AAAA')]);
    const docId = activity.record.id;
    serverActivity = activity;
    await review.refreshActivity(docId);
    expect((await readActivity(db, docId, me.id))?.record.cosigners[0]?.snapshot).toBe('AAAA');

    serverActivity = null;
    const streamed = { ...activity.record, updatedAt: 7, cosigners: [signed(alice, null)] };
    const stop = review.watchActivity(docId);
    await review.onRecord(streamed);
    stop();
    expect((await getDocRecord(db, docId))?.record?.updatedAt).toBe(7);
    const cached = await readActivity(db, docId, me.id);
    expect([...signedSnapshots(streamed.cosigners, cached)]).toEqual([[alice, 'AAAA']]);
  });
});
