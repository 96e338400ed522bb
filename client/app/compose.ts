import { type DocId, Role, type UserId } from '../../shared';
import { ActivitiesRuntime } from '../core/activities';
import { ApiClient, ServerClock } from '../core/api';
import { createDiagnostics, type Diagnostics } from '../core/diagnostics';
import { DeviceKeys } from '../core/keys';
import { createStore } from '../core/lib';
import { Outbox } from '../core/outbox';
import { createIdentity } from '../core/presence';
import { type EventSourceLike, ReviewRuntime } from '../core/review';
import { Rooms, type SyncOnceOptions, type SyncOutcome } from '../core/rooms';
import {
  accountDatabaseName,
  createStorageHealth,
  DEVICE_DB_NAME,
  DexieDeviceAccounts,
  DexieDeviceStore,
  LEGACY_DB_NAME,
  type RowCipher,
} from '../core/storage';
import { BackgroundSync } from '../core/sync';
import {
  createAuthStore,
  DocAccessTracker,
  type SignOutOutcome,
  userOf,
  WorkspaceCache,
  WorkspaceGate,
  WorkspaceRuntime,
} from '../core/workspace';
import { SearchService, WorkerSearchEngine } from '../search';
import type { AccountServices, AppServices } from '../ui/services/services';

/** Options for tests and tools; the app itself passes none. */
export interface ComposeOptions {
  /** A prefix of the device's database names; tests use their own. */
  readonly dbName?: string;
  /** The fetch of the API client; tests pass a fake server's. */
  readonly fetch?: typeof fetch;
  readonly isOnline?: () => boolean;
  /** The live stream's EventSource; tests pass a fake, or none. */
  readonly createEventSource?: (url: string) => EventSourceLike | null;
  readonly diagnostics?: Diagnostics;
  /**
   * Brings one document to and from the server instead of opening its rooms on the relay (tests
   * of the workspace without a relay); by default `Rooms.syncOnce`.
   */
  readonly syncDoc?: (docId: DocId, signal: AbortSignal, options: SyncOnceOptions) => Promise<SyncOutcome>;
  /** PBKDF2 rounds of a new password wrapping (`PASSWORD_ITERATIONS`); tests use fewer. */
  readonly passwordIterations?: number;
}

/** The app's services, and the running account's, with what starts and stops them. */
export interface ComposedApp extends AppServices {
  /** Reads who is signed in on this device and follows the server. Returns a stop function. */
  start(): () => void;
}

type Running = AccountServices & { readonly cipher: RowCipher; readonly stop: () => void };

/** What the account's composition needs of the app's. */
type AppContext = Omit<AppServices, 'signOut'> & { readonly names: ReturnType<typeof databaseNames> };

/**
 * The one composition root of the client: builds the device store, the API client, who is
 * signed in, and, for each account that signs in, that account's services (outbox, workspace,
 * rooms, background sync, review), which are disposed when the account signs out or another one
 * signs in. Nothing below imports this file: each part declares what it needs and gets it here.
 */
export function composeApp(options: ComposeOptions = {}): ComposedApp {
  const diagnostics = options.diagnostics ?? createDiagnostics();
  const health = createStorageHealth();
  const names = databaseNames(options.dbName);
  const devices = new DexieDeviceAccounts({
    name: names.device,
    accountPrefix: names.accountPrefix,
    legacyName: names.legacy,
  });
  const clock = new ServerClock();
  const api = new ApiClient(options.fetch === undefined ? { clock } : { fetch: options.fetch, clock });
  const keys = new DeviceKeys({
    keyrings: devices,
    api,
    diagnostics,
    ...(options.passwordIterations === undefined ? {} : { passwordIterations: options.passwordIterations }),
  });
  const auth = createAuthStore({
    account: devices,
    api,
    diagnostics,
    onPasswordAccepted: (me, password, isKeptHere) => keys.acceptPassword(me.id, password, isKeptHere),
  });
  const identity = createIdentity(auth, () => userOf(auth.getSnapshot()));
  const account = createStore<Running | null>(null);
  const app: AppContext = { diagnostics, health, api, clock, auth, keys, identity, account, names };

  /**
   * The account follows who is signed in and whether their device copy is open: a new user gets
   * a new graph once their key opens, signing out disposes it and the key leaves memory.
   */
  // While a shared computer is cleared, the person is as good as gone: nothing of theirs reopens.
  let isClearing = false;
  const followAccount = (): void => {
    const me = isClearing ? null : userOf(auth.getSnapshot());
    const userId = me?.id ?? null;
    const key = keys.state.getSnapshot();
    if (userId === null) {
      if (key.status !== 'none') {
        keys.close();
      }
    } else if (key.status === 'none' || key.userId !== userId) {
      void keys.open(userId);
    }
    const opened = keys.state.getSnapshot();
    // Until a one-time or reset password is changed the server refuses the account's services:
    // none is started (the app shows only the password change), and a running one stops.
    const isBlocked = me?.mustChangePassword === true && auth.getSnapshot().status === 'signed_in';
    const cipher = opened.status === 'open' && opened.userId === userId && !isBlocked ? opened.cipher : null;
    const running = account.getSnapshot();
    if (running?.userId === userId && running?.cipher === cipher) {
      return;
    }
    running?.stop();
    account.set(userId === null || cipher === null ? null : composeAccount(app, { userId, cipher }, options));
  };

  const signOut = async ({ clearDevice }: { readonly clearDevice: boolean }): Promise<SignOutOutcome> => {
    const userId = userOf(auth.getSnapshot())?.id ?? null;
    if (clearDevice && userId !== null) {
      // The account's services stop (closing its database) and its key leaves memory first, so
      // that its data is deleted before the sign-in page shows: whoever sits down next finds
      // nothing, even if the last person closed the browser at once.
      isClearing = true;
      try {
        followAccount();
        await devices.deleteAccountData(userId).catch((err: unknown) => diagnostics.report('signOut.device', err));
        return await auth.signOut();
      } finally {
        isClearing = false;
      }
    }
    // Signing out disposes the account's services (through followAccount), closing its database,
    // and the data key leaves memory.
    const outcome = await auth.signOut();
    if (userId !== null) {
      await keys.forgetKeptKey(userId).catch((err: unknown) => diagnostics.report('signOut.device', err));
    }
    return outcome;
  };

  return {
    diagnostics,
    health,
    api,
    clock,
    auth,
    keys,
    identity,
    account,
    signOut,
    start() {
      const stopFollowing = auth.subscribe(followAccount);
      const stopFollowingKeys = keys.state.subscribe(followAccount);
      const stopUnauthorized = api.onUnauthorized(() => auth.expire());
      const stopOtherTabs = auth.followOtherTabs();
      const stopOnline = followOnline(() => {
        void auth.sendPendingSignOut();
        // A key locked while offline opens with the server's key now.
        const key = keys.state.getSnapshot();
        if (key.status === 'locked' || key.status === 'failed') {
          keys.close();
          followAccount();
        }
      });
      followAccount();
      void auth.init();
      return () => {
        stopFollowing();
        stopFollowingKeys();
        stopUnauthorized();
        stopOtherTabs();
        stopOnline();
        account.getSnapshot()?.stop();
        account.set(null);
        keys.close();
        devices.close();
      };
    },
  };
}

/** The names of the device database and of each account's, under an optional test prefix. */
function databaseNames(prefix: string | undefined) {
  return prefix === undefined
    ? { device: DEVICE_DB_NAME, accountPrefix: 'jianyan-account', legacy: LEGACY_DB_NAME }
    : { device: `${prefix}-device`, accountPrefix: `${prefix}-account`, legacy: prefix };
}

/** Calls `onOnline` whenever the browser says the network is back. Returns a stop function. */
function followOnline(onOnline: () => void): () => void {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  target.addEventListener?.('online', onOnline);
  return () => target.removeEventListener?.('online', onOnline);
}

/** The parts an account's runtimes share, before the runtimes themselves. */
interface AccountParts {
  readonly userId: UserId;
  readonly store: DexieDeviceStore;
  readonly isOnline: () => boolean;
  readonly outbox: Outbox;
  readonly cache: WorkspaceCache;
  readonly access: DocAccessTracker;
  readonly gate: WorkspaceGate;
  readonly rooms: Rooms;
  readonly syncDoc: NonNullable<ComposeOptions['syncDoc']>;
}

/** Whose account, and the cipher of their device copy. */
interface AccountKey {
  readonly userId: UserId;
  readonly cipher: RowCipher;
}

function composeParts(app: AppContext, { userId, cipher }: AccountKey, options: ComposeOptions): AccountParts {
  const { diagnostics, health, api, auth, identity, names } = app;
  // Each account's documents in a database of its own; the app's database from before is moved
  // into it when it was this account's.
  const store = new DexieDeviceStore({
    name: accountDatabaseName(userId, names.accountPrefix),
    legacy: { name: names.legacy, userId },
    cipher,
    health,
    onBackgroundError: (err) => diagnostics.report('storage.background', err),
  });
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  const isSignedIn = (): boolean => auth.getSnapshot().status === 'signed_in';
  const outbox = new Outbox({ rows: store.outbox, userId, canSend: isSignedIn, diagnostics });
  const cache = new WorkspaceCache({ store, diagnostics });
  const access = new DocAccessTracker({
    api,
    cache,
    diagnostics,
    canAsk: () => isSignedIn() && isOnline(),
    isUnregistered: (docId) => outbox.isUnregistered(docId),
  });
  const gate = new WorkspaceGate({ auth, outbox, access, diagnostics, rowOf: (docId) => cache.rowOf(docId) });
  const rooms = new Rooms({ store, health, identity, gate, diagnostics });
  const syncDoc = options.syncDoc ?? ((docId, signal, syncOptions) => rooms.syncOnce(docId, signal, syncOptions));
  return { userId, store, isOnline, outbox, cache, access, gate, rooms, syncDoc };
}

/** One account's services, started; `stop` disposes them. */
function composeAccount(app: AppContext, key: AccountKey, options: ComposeOptions): Running {
  const { diagnostics, api, auth } = app;
  const parts = composeParts(app, key, options);
  const { store, isOnline, cache, rooms, syncDoc } = parts;
  const backgroundSync = new BackgroundSync({
    listTargets: () => workspace.listSyncTargets(),
    // A handling unit never reads a document's discussion (P16): its comments stay on the server.
    syncDoc: (docId, signal) =>
      syncDoc(docId, signal, { withComments: userOf(auth.getSnapshot())?.role !== Role.unit }),
    markSynced: (target) =>
      target.updatedAt === null ? Promise.resolve() : cache.markSynced(target.docId, target.updatedAt),
    isOnline,
    diagnostics,
  });
  const workspace = new WorkspaceRuntime({
    ...parts,
    auth,
    api,
    store,
    backgroundSync,
    diagnostics,
    isDocOpen: (docId) => rooms.findContent(docId) !== null,
  });
  const review = new ReviewRuntime({
    ...parts,
    auth,
    api,
    store,
    diagnostics,
    // A queued transition waits for the content alone, not for a slow comments document.
    syncContent: (docId, signal) => syncDoc(docId, signal, { withComments: false }),
    ...(options.createEventSource === undefined ? {} : { createEventSource: options.createEventSource }),
  });
  const activities = new ActivitiesRuntime({
    ...parts,
    api,
    isSignedIn: () => auth.getSnapshot().status === 'signed_in',
    diagnostics,
  });
  // The index is built in a Web Worker; where there is none (unit tests in Node) there is no search.
  const search =
    typeof Worker === 'function' ? new SearchService({ store, engine: new WorkerSearchEngine(), diagnostics }) : null;
  const stops = [workspace.start(), review.start(), activities.start(), ...(search === null ? [] : [search.start()])];
  return {
    ...parts,
    cipher: key.cipher,
    backgroundSync,
    workspace,
    review,
    activities,
    search,
    stop() {
      for (const stop of stops) {
        stop();
      }
      rooms.closeAll();
      store.close();
    },
  };
}
