import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocKind, roomNameOf } from '../../../shared';
import { FakeServer, makeMe, newGroupId } from '../../test/FakeServer';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import { ApiClient } from '../api';
import { createDiagnostics } from '../diagnostics';
import { ClientErrorCode } from '../errors';
import { DexieDeviceAccounts, type DexieDeviceStore } from '../storage';
import { type AuthStore, createAuthStore, userOf } from './AuthStore';
import { createGroupDocument } from './createGroupDocument';

let store: DexieDeviceStore;
let accounts: DexieDeviceAccounts;
const diagnostics = createDiagnostics({ log: () => undefined });
let server: FakeServer;
let api: ApiClient;
let auth: AuthStore;
const groupId = newGroupId();
const me = makeMe([groupId]);

beforeEach(() => {
  store = openTestStore({ onBackgroundError: () => undefined });
  accounts = new DexieDeviceAccounts({ name: `test-device-${crypto.randomUUID()}` });
  server = new FakeServer();
  server.addUser(me, 'correct horse');
  api = new ApiClient({ fetch: server.fetch });
  api.onUnauthorized(() => auth.expire());
  auth = createAuthStore({ account: accounts, api, diagnostics });
});

afterEach(async () => {
  await store.delete();
  await accounts.delete();
});

describe('auth state', () => {
  it('turns a cached user whose session the server refuses (401) into expired, keeping the account', async () => {
    await accounts.save(me, false, 1);
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'expired', me });
    await auth.whenStored();
    expect((await accounts.read())?.isExpired).toBe(true);
  });

  it('keeps a cached user signed in when the server cannot be reached (offline start)', async () => {
    await accounts.save(me, false, 1);
    server.isOnline = false;
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('is signed out with no cached user, whether the server says 401 or cannot be reached', async () => {
    await auth.init();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_out' });
    const offline = createAuthStore({ account: accounts, api, diagnostics });
    server.isOnline = false;
    await offline.init();
    expect(offline.getSnapshot()).toEqual({ status: 'signed_out' });
  });

  it('signs in with the server and remembers the user for the next (offline) start', async () => {
    await auth.init();
    await auth.signIn('wang.fang', 'correct horse');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
    server.isOnline = false;
    const next = createAuthStore({ account: accounts, api, diagnostics });
    await next.init();
    expect(next.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('does not let the start’s 401 expire a sign-in sent before that answer came back', async () => {
    // The first page's form can be sent while the start still asks who is signed in.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let meAnswered = (): void => undefined;
    const meWasAnswered = new Promise<void>((resolve) => {
      meAnswered = resolve;
    });
    // The server answers the start's GET /api/me (401: no session yet) before the sign-in, and
    // that answer reaches the app late.
    const slowFetch: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/me')) {
        const answer = await server.fetch(input, init);
        meAnswered();
        await held;
        return answer;
      }
      if (url.endsWith('/api/session') && init?.method === 'POST') {
        await meWasAnswered;
      }
      return server.fetch(input, init);
    };
    const slowApi = new ApiClient({ fetch: slowFetch });
    const racing = createAuthStore({ account: accounts, api: slowApi, diagnostics });
    slowApi.onUnauthorized(() => racing.expire());
    const started = racing.init();
    // The start's answer comes back once the sign-in is done, or, if the sign-in waits for the
    // start (as it must), a moment later.
    const late = setTimeout(release, 300);
    const signedIn = racing.signIn('wang.fang', 'correct horse').finally(release);
    await Promise.all([started, signedIn]);
    clearTimeout(late);
    expect(racing.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('refuses a wrong password and a lost network with their codes, staying signed out', async () => {
    await auth.init();
    await expect(auth.signIn('wang.fang', 'wrong')).rejects.toMatchObject({ code: ClientErrorCode.unauthorized });
    expect(auth.getSnapshot().status).toBe('signed_out');
    server.isOnline = false;
    await expect(auth.signIn('wang.fang', 'correct horse')).rejects.toMatchObject({ code: ClientErrorCode.network });
    expect(auth.getSnapshot().status).toBe('signed_out');
  });

  it('expires on a 401 of any signed-in request and is signed in again by signing in (C8)', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    server.sessionUser = null;
    await expect(api.workspace()).rejects.toMatchObject({ code: ClientErrorCode.unauthorized });
    expect(auth.getSnapshot()).toEqual({ status: 'expired', me });
    await auth.signIn('wang.fang', 'correct horse');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('does not expire when a sign-in is refused', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    await expect(api.signIn({ username: 'wang.fang', password: 'wrong' })).rejects.toMatchObject({
      code: ClientErrorCode.unauthorized,
    });
    expect(auth.getSnapshot().status).toBe('signed_in');
  });

  it('signs out offline too, keeping documents and unsent edits on the device', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    const { docId } = await createGroupDocument(store, { kind: DocKind.proposal, groupId, userId: me.id });
    server.isOnline = false;
    expect(await auth.signOut()).toBe('pending');
    expect(auth.getSnapshot()).toEqual({ status: 'signed_out', isSignOutPending: true });
    expect(await accounts.read()).toBeNull();
    expect(await store.updates.listUnsent(roomNameOf(docId))).toHaveLength(1);
  });

  it('sends a sign-out made offline before anything else at the next start, never falling back to the old cookie', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    server.isOnline = false;
    await auth.signOut();
    expect(server.sessionUser).toEqual(me);

    const offline = createAuthStore({ account: accounts, api, diagnostics });
    await offline.init();
    expect(offline.getSnapshot()).toEqual({ status: 'signed_out', isSignOutPending: true });

    server.isOnline = true;
    server.requests.length = 0;
    const online = createAuthStore({ account: accounts, api, diagnostics });
    await online.init();
    expect(online.getSnapshot()).toEqual({ status: 'signed_out' });
    // Only once the old session has ended does the app ask who is signed in (nobody).
    expect(server.requests).toEqual(['DELETE /api/session', 'GET /api/me']);
    expect(server.sessionUser).toBeNull();
    expect(await accounts.readPendingSignOut()).toBeNull();
  });

  it('sends the waiting sign-out when the network returns, and before a new sign-in', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    server.isOnline = false;
    await auth.signOut();
    server.isOnline = true;
    await auth.sendPendingSignOut();
    expect(auth.getSnapshot()).toEqual({ status: 'signed_out' });
    expect(server.sessionUser).toBeNull();
    expect(await accounts.readPendingSignOut()).toBeNull();

    await auth.signIn('wang.fang', 'correct horse');
    server.isOnline = false;
    await auth.signOut();
    server.isOnline = true;
    server.requests.length = 0;
    await auth.signIn('wang.fang', 'correct horse');
    expect(server.requests).toEqual(['DELETE /api/session', 'POST /api/session']);
    expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me });
  });

  it('tells an online sign-out apart from one that waits', async () => {
    await auth.signIn('wang.fang', 'correct horse');
    expect(await auth.signOut()).toBe('done');
    expect(server.sessionUser).toBeNull();
    expect(await accounts.readPendingSignOut()).toBeNull();
  });

  it('follows a sign-out and a sign-in made in another tab of this browser', async () => {
    await auth.init();
    await auth.signIn('wang.fang', 'correct horse');
    const otherTab = new DexieDeviceAccounts({ name: accounts.name });
    const other = createAuthStore({ account: otherTab, api, diagnostics });
    await other.init();
    expect(other.getSnapshot()).toEqual({ status: 'signed_in', me });
    const stop = auth.followOtherTabs();
    try {
      await other.signOut();
      await waitUntil(() => auth.getSnapshot().status === 'signed_out', { what: 'the sign-out of the other tab' });

      const li = server.addUser(makeMe([newGroupId()], { username: 'li.ming', name: '李明' }), 'battery staple');
      await other.signIn('li.ming', 'battery staple');
      await waitUntil(() => userOf(auth.getSnapshot())?.id === li.id, { what: 'the sign-in of the other tab' });
      expect(auth.getSnapshot()).toEqual({ status: 'signed_in', me: li });
    } finally {
      stop();
      otherTab.close();
    }
  });
});
