import { Role, type UserId } from '../../shared';
import { ActivitiesRuntime } from '../core/activities';
import { DocFiles } from '../core/files';
import { Outbox } from '../core/outbox';
import { ReviewRuntime } from '../core/review';
import { Rooms } from '../core/rooms';
import { accountDatabaseName, DexieDeviceStore, type RowCipher } from '../core/storage';
import { BackgroundSync } from '../core/sync';
import { DocAccessTracker, userOf, WorkspaceCache, WorkspaceGate, WorkspaceRuntime } from '../core/workspace';
import { SearchService, WorkerSearchEngine } from '../search';
import type { AccountContext, ComposeOptions, Running } from './composeTypes';

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

function composeParts(app: AccountContext, { userId, cipher }: AccountKey, options: ComposeOptions): AccountParts {
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

/**
 * One account's services, started; `stop` disposes them. A chunk of its own: the sign-in page
 * needs none of it (the documents' sync, Yjs, the outbox and the review runtime).
 */
export function composeAccount(app: AccountContext, key: AccountKey, options: ComposeOptions): Running {
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
  const files = new DocFiles({
    store: parts.store.files,
    outbox: parts.outbox,
    api: api.docFiles,
    isOnline: parts.isOnline,
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
    files,
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
