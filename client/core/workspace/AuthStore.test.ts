import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocKind } from '../../../shared';
import { FakeServer, makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { ApiClient } from '../api/ApiClient';
import { ApiError, NetworkError } from '../api/ApiError';
import { createGroupDocument } from '../storage/createGroupDocument';
import { saveServerRecord } from '../storage/docRecords';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import { countUnsent } from '../storage/updateLog';
import { readAccount, saveAccount } from '../storage/workspaceCache';
import { type AuthStore, createAuthStore } from './AuthStore';

let db: JianyanDb;
let server: FakeServer;
let api: ApiClient;
let auth: AuthStore;
const groupId = newGroupId();
const me = makeMe([groupId]);

beforeEach(() => {
  db = createDb(`test-${crypto.randomUUID()}`);
  server = new FakeServer();
  server.addUser(me, 'correct horse');
  api = new ApiClient({ fetch: server.fetch });
  api.onUnauthorized(() => auth.expire());
  auth = createAuthStore({ db, api });
});

afterEach(async () => {
  await db.delete();
});

describe('auth state', () => {
  it('turns a cached user whose session the server refuses (401) into expired, keeping the account', async () => {
    await saveAccount(db, me, false);
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'expired', me });
    await auth.whenStored();
    expect((await readAccount(db))?.isExpired).toBe(true);
  });

  it('keeps a cached user signed in when the server cannot be reached (offline start)', async () => {
    await saveAccount(db, me, false);
    server.isOnline = false;
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('is signed out with no cached user, whether the server says 401 or cannot be reached', async () => {
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_out' });
    const offline = createAuthStore({ db, api });
    server.isOnline = false;
    await offline.init();
    expect(offline.getSnapshot()).toEqual({ status: 'signed_out' });
  });

  it('signs in with the server and remembers the user for the next (offline) start', async () => {
    await auth.init();
    await auth.signIn('wang.fang', 'correct horse');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
    server.isOnline = false;
    const next = createAuthStore({ db, api });
    await next.init();
    expect(next.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('refuses a wrong password with ApiError and a lost network with NetworkError, staying signed out', async () => {
    await auth.init();
    await expect(auth.signIn('wang.fang', 'wrong')).rejects.toBeInstanceOf(ApiError);
    expect(auth.getSnapshot().status).toBe('signed_out');
    server.isOnline = false;
    await expect(auth.signIn('wang.fang', 'correct horse')).rejects.toBeInstanceOf(NetworkError);
    expect(auth.getSnapshot().status).toBe('signed_out');
  });

  it('expires on a 401 of any signed-in request and is signed in again by signing in (C8)', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    server.sessionUser = null;
    await expect(api.workspace()).rejects.toBeInstanceOf(ApiError);
    expect(auth.getSnapshot()).toEqual({ status: 'expired', me });
    await auth.signIn('wang.fang', 'correct horse');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('does not expire when a sign-in is refused', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    await expect(api.signIn({ username: 'wang.fang', password: 'wrong' })).rejects.toBeInstanceOf(ApiError);
    expect(auth.getSnapshot().status).toBe('signed_in');
  });

  it('signs out offline too, keeping documents and unsent edits on the device', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    const docId = await createGroupDocument(db, { kind: DocKind.proposal, groupId, userId: me.id });
    server.isOnline = false;
    await auth.signOut();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_out' });
    expect(await readAccount(db)).toBeNull();
    expect(await countUnsent(db, docId)).toBe(1);
  });

  it('forgets the previous user’s document records when another user signs in on the device', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    const docId = crypto.randomUUID() as ReturnType<typeof makeRecord>['id'];
    await saveServerRecord(db, makeRecord(docId, groupId));
    const other = server.addUser(makeMe([newGroupId()], { username: 'li.ming', name: '李明' }), 'battery staple');
    await auth.signIn('li.ming', 'battery staple');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me: other });
    expect((await db.docs.get(docId))?.record).toBeNull();
  });
});
