import type { DocId, UserId } from '../../shared';
import { ApiClient } from '../core/api';
import { createDiagnostics, type Diagnostics } from '../core/diagnostics';
import { createStore } from '../core/lib';
import { Outbox } from '../core/outbox';
import { createIdentity } from '../core/presence';
import { type EventSourceLike, ReviewRuntime } from '../core/review';
import { Rooms, type SyncOnceOptions, type SyncOutcome } from '../core/rooms';
import { createStorageHealth, DexieDeviceStore } from '../core/storage';
import { BackgroundSync } from '../core/sync';
import {
  createAuthStore,
  DocAccessTracker,
  userOf,
  WorkspaceCache,
  WorkspaceGate,
  WorkspaceRuntime,
} from '../core/workspace';
import type { AccountServices, AppServices } from '../ui/services/services';

/** Options for tests and tools; the app itself passes none. */
export interface ComposeOptions {
  /** The device database's name; tests open their own. */
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
}

/** The app's services, and the running account's, with what starts and stops them. */
export interface ComposedApp extends AppServices {
  /** Reads who is signed in on this device and follows the server. Returns a stop function. */
  start(): () => void;
}

type Running = AccountServices & { readonly stop: () => void };

/**
 * The one composition root of the client: builds the device store, the API client, who is
 * signed in, and, for each account that signs in, that account's services (outbox, workspace,
 * rooms, background sync, review), which are disposed when the account signs out or another one
 * signs in. Nothing below imports this file: each part declares what it needs and gets it here.
 */
export function composeApp(options: ComposeOptions = {}): ComposedApp {
  const diagnostics = options.diagnostics ?? createDiagnostics();
  const health = createStorageHealth();
  const store = new DexieDeviceStore({
    ...(options.dbName === undefined ? {} : { name: options.dbName }),
    health,
    onBackgroundError: (err) => diagnostics.report('storage.background', err),
  });
  const api = new ApiClient(options.fetch === undefined ? {} : { fetch: options.fetch });
  const auth = createAuthStore({ account: store.account, api, diagnostics });
  const identity = createIdentity(auth, () => userOf(auth.getSnapshot()));
  const account = createStore<Running | null>(null);
  const app: AppServices = { diagnostics, health, store, api, auth, identity, account };

  /** The account follows who is signed in: a new user gets a new graph, signing out disposes it. */
  const followAccount = (): void => {
    const userId = userOf(auth.getSnapshot())?.id ?? null;
    const running = account.getSnapshot();
    if (running?.userId === userId) {
      return;
    }
    running?.stop();
    account.set(userId === null ? null : composeAccount(app, userId, options));
  };

  return {
    ...app,
    start() {
      const stopFollowing = auth.subscribe(followAccount);
      const stopUnauthorized = api.onUnauthorized(() => auth.expire());
      followAccount();
      void auth.init();
      return () => {
        stopFollowing();
        stopUnauthorized();
        account.getSnapshot()?.stop();
        account.set(null);
        store.close();
      };
    },
  };
}

/** The parts an account's runtimes share, before the runtimes themselves. */
interface AccountParts {
  readonly userId: UserId;
  readonly isOnline: () => boolean;
  readonly outbox: Outbox;
  readonly cache: WorkspaceCache;
  readonly access: DocAccessTracker;
  readonly gate: WorkspaceGate;
  readonly rooms: Rooms;
  readonly syncDoc: NonNullable<ComposeOptions['syncDoc']>;
}

function composeParts(app: AppServices, userId: UserId, options: ComposeOptions): AccountParts {
  const { diagnostics, health, store, api, auth, identity } = app;
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
  return { userId, isOnline, outbox, cache, access, gate, rooms, syncDoc };
}

/** One account's services, started; `stop` disposes them. */
function composeAccount(app: AppServices, userId: UserId, options: ComposeOptions): Running {
  const { diagnostics, store, api, auth } = app;
  const parts = composeParts(app, userId, options);
  const { isOnline, cache, rooms, syncDoc } = parts;
  const backgroundSync = new BackgroundSync({
    listTargets: () => workspace.listSyncTargets(),
    syncDoc: (docId, signal) => syncDoc(docId, signal, {}),
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
  const stops = [workspace.start(), review.start()];
  return {
    ...parts,
    backgroundSync,
    workspace,
    review,
    stop() {
      for (const stop of stops) {
        stop();
      }
      rooms.closeAll();
    },
  };
}
