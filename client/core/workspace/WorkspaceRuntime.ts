import { liveQuery } from 'dexie';
import { Action, type DocId, type DocKind, decide, documentTarget, type GroupId } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/ApiClient';
import { ApiError, isUnauthorized } from '../api/ApiError';
import { createStore, type Store } from '../lib/createStore';
import { deriveStore } from '../lib/deriveStore';
import { Outbox } from '../outbox/Outbox';
import { ReviewRuntime } from '../review/ReviewRuntime';
import { createGroupDocument } from '../storage/createGroupDocument';
import { listDocRecords, markSynced } from '../storage/docRecords';
import type { DocRecord as DocRow, JianyanDb, WorkspaceRow } from '../storage/JianyanDb';
import { enqueueArchive } from '../storage/outboxRows';
import { watchUnsentCount } from '../storage/unsentCount';
import { readWorkspaceRow, saveWorkspace } from '../storage/workspaceCache';
import { BackgroundSync, type SyncOutcome } from '../sync/BackgroundSync';
import { listSyncTargets } from '../sync/syncTargets';
import { type AuthStore, createAuthStore, userOf } from './AuthStore';
import { type CachedWorkspace, composeWorkspace, type DocPlacement, placementOf } from './composeWorkspace';
import { DocAccessTracker } from './DocAccessTracker';
import { type DocAccess, deriveDocAccess } from './docAccess';
import { WorkspaceGate } from './WorkspaceGate';

/** Fetch the workspace again this often while the app is open and online: new documents, new members. */
const REFRESH_INTERVAL_MS = 5 * 60_000;
/** Retry a background sync that ended with failures (or an unreachable server) after this long. */
const SYNC_RETRY_DELAY_MS = 60_000;
/** Wait this long after a local change in a closed document before a sync run uploads it. */
const UPLOAD_DELAY_MS = 5_000;

/** The device's documents and workspace row, mirrored in memory for synchronous reads. */
interface CacheSnapshot {
  readonly isLoaded: boolean;
  readonly snapshot: WorkspaceRow | null;
  readonly docs: ReadonlyMap<DocId, DocRow>;
}

export interface WorkspaceRuntimeOptions {
  readonly db: JianyanDb;
  readonly api: ApiClient;
  /** Opens one document until its server state is on the device (see session/syncDocOnce). */
  readonly syncDoc: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
  /**
   * Opens one document until its content (not its comments) is on the server and the device
   * (session/syncDocOnce's `syncContentOnce`): what a queued transition waits for. `syncDoc` when absent.
   */
  readonly syncContent?: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
  readonly isOnline?: () => boolean;
  /** Whether a page has the document open: it syncs by itself and the background sync leaves it. */
  readonly isDocOpen?: (docId: DocId) => boolean;
}

/**
 * The client's workspace: who is signed in, the cached groups, people and documents, the outbox,
 * the background sync and the gate that lets documents connect to the relay. One per page.
 */
export class WorkspaceRuntime {
  readonly auth: AuthStore;
  readonly outbox: Outbox;
  /** Inbox, documents' activity, queued transitions and the live stream (see client/review). */
  readonly review: ReviewRuntime;
  readonly backgroundSync: BackgroundSync;
  readonly access: DocAccessTracker;
  readonly cache: Store<CacheSnapshot> = createStore<CacheSnapshot>({
    isLoaded: false,
    snapshot: null,
    docs: new Map(),
  });
  readonly view: Pick<Store<CachedWorkspace | null>, 'getSnapshot' | 'subscribe'>;
  readonly gate: WorkspaceGate;
  readonly #options: WorkspaceRuntimeOptions;
  readonly #isOnline: () => boolean;
  #refreshing: Promise<void> | null = null;
  #stops: (() => void)[] = [];

  constructor(options: WorkspaceRuntimeOptions) {
    this.#options = options;
    const { db, api } = options;
    this.#isOnline = options.isOnline ?? (() => navigator.onLine);
    this.auth = createAuthStore({ db, api });
    const currentUser = () => userOf(this.auth.getSnapshot())?.id ?? null;
    const canSend = () => this.auth.getSnapshot().status === 'signed_in';
    this.outbox = new Outbox({
      db,
      api,
      currentUser,
      canSend,
      onRegistered: () => void this.backgroundSync.run(),
      onRecord: (record) => void this.review.onRecord(record),
      // A queued transition waits until the document's changes made here are on the server.
      syncDoc: options.syncContent ?? options.syncDoc,
    });
    this.review = new ReviewRuntime({ db, api, auth: this.auth, outbox: this.outbox, isOnline: this.#isOnline });
    this.access = new DocAccessTracker({
      db,
      api,
      canAsk: () => canSend() && this.#isOnline(),
      isUnregistered: (docId) => this.outbox.isUnregistered(docId),
    });
    this.backgroundSync = new BackgroundSync({
      listTargets: () => this.#listTargets(),
      syncDoc: options.syncDoc,
      markSynced: (target) =>
        target.updatedAt === null ? Promise.resolve() : markSynced(db, target.docId, target.updatedAt),
      isOnline: this.#isOnline,
    });
    const view = deriveStore([this.auth, this.cache, this.outbox.state], () =>
      composeWorkspace({
        snapshot: this.cache.getSnapshot().snapshot,
        me: userOf(this.auth.getSnapshot()),
        docs: [...this.cache.getSnapshot().docs.values()],
        outbox: this.outbox.state.getSnapshot().rows,
      }),
    );
    this.view = view.store;
    this.gate = new WorkspaceGate({
      db,
      auth: this.auth,
      outbox: this.outbox,
      access: this.access,
      rowOf: (docId) => this.cache.getSnapshot().docs.get(docId),
    });
    this.#stops.push(view.stop, this.gate.stop);
  }

  /** Reads the device's cache and the account, then follows the server. Returns a stop function. */
  start(): () => void {
    const { db, api } = this.#options;
    const cacheQuery = liveQuery(async () => ({
      snapshot: await readWorkspaceRow(db),
      docs: await listDocRecords(db),
    })).subscribe({
      next: ({ snapshot, docs }) =>
        this.cache.set({ isLoaded: true, snapshot, docs: new Map(docs.map((row) => [row.id, row])) }),
      error: () => this.cache.update((c) => ({ ...c, isLoaded: true })),
    });
    this.#stops.push(() => cacheQuery.unsubscribe());
    this.#stops.push(this.outbox.watch());
    this.#stops.push(this.review.start());
    this.#stops.push(api.onUnauthorized(() => this.auth.expire()));
    this.#stops.push(this.#followAuth());
    this.#stops.push(this.#followNetwork());
    this.#stops.push(this.#followUnsent());
    const refreshTimer = setInterval(() => {
      if (this.auth.getSnapshot().status === 'signed_in') {
        this.refresh().catch(() => undefined);
      }
    }, REFRESH_INTERVAL_MS);
    this.#stops.push(() => clearInterval(refreshTimer));
    void this.auth.init();
    return () => this.stop();
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) {
      stop();
    }
    this.outbox.stop();
    this.review.stop();
    this.backgroundSync.stop();
  }

  /**
   * Fetches the workspace and stores it on the device, then brings new documents down. Throws
   * ApiError or NetworkError; a 401 also turns the auth state to expired.
   */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<void> {
    const { db, api } = this.#options;
    const requestedAt = Date.now();
    const workspace = await api.workspace();
    const me = userOf(this.auth.getSnapshot());
    if (me === null || me.id !== workspace.me.id) {
      // Signed out, or another user signed in, while the request ran.
      return;
    }
    await saveWorkspace(db, workspace, { requestedAt });
    this.auth.updateMe(workspace.me);
    this.access.clearVerdicts();
    void this.backgroundSync.run();
  }

  /** Creates a document on this device and queues its registration; see `workspace.createDocument`. */
  async createDocument(input: { kind: DocKind; groupId: GroupId; title?: string }): Promise<DocId> {
    const me = this.#requireUser('create a document');
    const decision = decide(me, Action.createDocument, { type: 'group', groupId: input.groupId });
    if (!decision.allowed) {
      throw new ApiError({
        status: 403,
        code: 'forbidden',
        message: `Cannot create a document in group ${input.groupId}: ${decision.denial}`,
        denial: decision.denial,
      });
    }
    const docId = await createGroupDocument(this.#options.db, { ...input, userId: me.id });
    await this.outbox.reload();
    void this.outbox.flush();
    return docId;
  }

  /** Queues archiving (or restoring) a document; shown at once, sent when online. */
  async setArchived(docId: DocId, isArchived: boolean): Promise<void> {
    const me = this.#requireUser('archive a document');
    const record = this.cache.getSnapshot().docs.get(docId)?.record ?? null;
    const decision = record === null ? null : decide(me, Action.archiveDocument, documentTarget(record));
    if (decision !== null && !decision.allowed) {
      const message = `Cannot archive document ${docId}: ${decision.denial}`;
      throw new ApiError({ status: 403, code: 'forbidden', message, denial: decision.denial });
    }
    await enqueueArchive(this.#options.db, { docId, userId: me.id, isArchived });
    await this.outbox.reload();
    void this.outbox.flush();
  }

  /** What the signed-in user may do with a document now (see `useDocAccess`). */
  accessOf(docId: DocId): DocAccess {
    const cache = this.cache.getSnapshot();
    return deriveDocAccess({
      auth: this.auth.getSnapshot(),
      isCacheLoaded: cache.isLoaded && this.outbox.state.getSnapshot().isLoaded,
      row: cache.docs.get(docId),
      isUnregistered: this.outbox.isUnregistered(docId),
      verdict: this.access.verdictOf(docId),
      isChecking: this.access.isChecking(docId),
      isOnline: this.#isOnline(),
    });
  }

  /** Where a document stands between this device and the server; null when it is not listed. */
  placementOf(docId: DocId): DocPlacement | null {
    const row = this.cache.getSnapshot().docs.get(docId);
    return row === undefined ? null : placementOf(row, this.outbox.isUnregistered(docId));
  }

  #requireUser(what: string): Me {
    const me = userOf(this.auth.getSnapshot());
    if (me === null) {
      throw new ApiError({ status: 401, code: 'unauthorized', message: `Sign in to ${what}` });
    }
    return me;
  }

  async #listTargets() {
    const me = userOf(this.auth.getSnapshot());
    if (me === null || this.auth.getSnapshot().status !== 'signed_in') {
      return [];
    }
    return listSyncTargets(this.#options.db, me, {
      isConnectable: (docId) => this.gate.isOpen(docId),
      isOpen: this.#options.isDocOpen,
    });
  }

  #followAuth(): () => void {
    let previous = this.auth.getSnapshot();
    return this.auth.subscribe(() => {
      const next = this.auth.getSnapshot();
      const wasSignedIn = previous.status === 'signed_in';
      const isSameUser = userOf(previous)?.id === userOf(next)?.id;
      previous = next;
      void this.outbox.reload().catch(() => undefined);
      if (next.status === 'signed_in' && (!wasSignedIn || !isSameUser)) {
        this.gate.reset();
        this.access.clearVerdicts();
        void this.outbox.flush();
        this.refresh().catch((err: unknown) => {
          // Offline or failing: the cached workspace stays; still bring down what is listed.
          if (!isUnauthorized(err)) {
            void this.backgroundSync.run();
          }
        });
      } else if (next.status !== 'signed_in') {
        this.backgroundSync.stop();
      }
    });
  }

  /** Edits made in documents no page has open (a rename from the list) go up with the next run. */
  #followUnsent(): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stopCount = watchUnsentCount(this.#options.db, null, (count) => {
      if (count > 0 && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          if (this.auth.getSnapshot().status === 'signed_in') {
            void this.backgroundSync.run();
          }
        }, UPLOAD_DELAY_MS);
      }
    });
    return () => {
      stopCount();
      if (timer !== null) {
        clearTimeout(timer);
      }
    };
  }

  #followNetwork(): () => void {
    const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const onOnline = (): void => {
      this.outbox.onOnline();
      if (this.auth.getSnapshot().status !== 'signed_in') {
        return;
      }
      this.refresh().catch((err: unknown) => {
        if (!isUnauthorized(err) && this.auth.getSnapshot().status === 'signed_in') {
          void this.backgroundSync.run();
        }
      });
      void this.access.confirmUnanswered();
    };
    const onOffline = (): void => this.backgroundSync.stop('offline');
    // A run that ended with failures, or stopped by an unreachable server while the browser says
    // online, is tried again a while later: no `online` event will come.
    const stopRetry = this.backgroundSync.state.subscribe(() => {
      const { phase } = this.backgroundSync.state.getSnapshot();
      if ((phase === 'error' || phase === 'offline') && retryTimer === null && this.#isOnline()) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          if (this.auth.getSnapshot().status === 'signed_in') {
            void this.backgroundSync.run();
          }
        }, SYNC_RETRY_DELAY_MS);
      }
    });
    target.addEventListener?.('online', onOnline);
    target.addEventListener?.('offline', onOffline);
    return () => {
      stopRetry();
      if (retryTimer !== null) {
        clearTimeout(retryTimer);
      }
      target.removeEventListener?.('online', onOnline);
      target.removeEventListener?.('offline', onOffline);
    };
  }
}
