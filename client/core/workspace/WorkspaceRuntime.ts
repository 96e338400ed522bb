import { Action, type DocId, type DocKind, decide, documentTarget, type GroupId } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, forbidden, hasErrorCode, signInRequired } from '../errors';
import { deriveStore, type Store } from '../lib';
import { type Outbox, OutboxOp } from '../outbox';
import type { DeviceStore } from '../storage';
import type { BackgroundSync, SyncTarget } from '../sync';
import { type AuthStore, userOf } from './AuthStore';
import { type CachedWorkspace, composeWorkspace, type DocPlacement, placementOf } from './composeWorkspace';
import { createGroupDocument, type InitialContent } from './createGroupDocument';
import type { DocAccessTracker } from './DocAccessTracker';
import { type DocAccess, deriveDocAccess } from './docAccess';
import { followWorkspace } from './followWorkspace';
import { chooseSyncTargets, unsentRoomsOf } from './syncTargets';
import type { WorkspaceCache } from './WorkspaceCache';
import type { WorkspaceGate } from './WorkspaceGate';

export interface WorkspaceRuntimeOptions {
  /** The account this runtime belongs to; another account gets its own. */
  readonly userId: Me['id'];
  readonly auth: AuthStore;
  readonly api: Pick<ApiClient, 'workspace' | 'registerDoc' | 'updateDoc'>;
  readonly store: Pick<DeviceStore, 'createDocument' | 'updates' | 'docs'>;
  readonly cache: WorkspaceCache;
  readonly outbox: Outbox;
  readonly access: DocAccessTracker;
  readonly gate: WorkspaceGate;
  readonly backgroundSync: BackgroundSync;
  readonly diagnostics: Diagnostics;
  readonly isOnline: () => boolean;
  /** Whether a page has the document open: it syncs by itself and the background sync leaves it. */
  readonly isDocOpen: (docId: DocId) => boolean;
}

/**
 * One account's workspace: the cached groups, people and documents as the UI sees them, creating
 * and archiving documents (offline too, through the outbox), what the user may do with each
 * document, and keeping all of it current with the server while the app is open.
 */
export class WorkspaceRuntime {
  readonly view: Pick<Store<CachedWorkspace | null>, 'getSnapshot' | 'subscribe'>;
  readonly #options: WorkspaceRuntimeOptions;
  readonly #stopView: () => void;
  #refreshing: Promise<void> | null = null;
  #stops: (() => void)[] = [];

  constructor(options: WorkspaceRuntimeOptions) {
    this.#options = options;
    const { auth, cache, outbox } = options;
    const view = deriveStore([auth, cache.state, outbox.state], () =>
      composeWorkspace({
        snapshot: cache.state.getSnapshot().snapshot,
        me: userOf(auth.getSnapshot()),
        docs: [...cache.state.getSnapshot().docs.values()],
        outbox: outbox.state.getSnapshot().rows,
      }),
    );
    this.view = view.store;
    this.#stopView = view.stop;
    this.#registerSenders();
  }

  /** Reads the device's cache, then follows the server, the network and the account. Returns a stop function. */
  start(): () => void {
    this.#stops.push(this.#options.cache.start(), this.#options.outbox.start());
    this.#stops.push(followWorkspace(this, this.#options));
    return () => this.stop();
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) {
      stop();
    }
    this.#stopView();
    this.#options.gate.stop();
    this.#options.backgroundSync.stop();
  }

  /** Whether the account is signed in now (not expired): only then is the server asked. */
  isSignedIn(): boolean {
    const auth = this.#options.auth.getSnapshot();
    return auth.status === 'signed_in' && auth.me.id === this.#options.userId;
  }

  /**
   * Fetches the workspace and stores it on the device, then brings new documents down. Throws a
   * ClientError; a 401 also turns the auth state to expired.
   */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /**
   * Creates a document on this device and queues its registration: the id is made here, the
   * content seeded from the template (then `content`, for an import); resolves at once, offline
   * too. Throws `forbidden` when the user is not a member of the group.
   */
  async createDocument(input: {
    kind: DocKind;
    groupId: GroupId;
    title?: string;
    content?: InitialContent;
  }): Promise<DocId> {
    const me = this.#requireUser('create a document');
    const decision = decide(me, Action.createDocument, { type: 'group', groupId: input.groupId });
    if (!decision.allowed) {
      throw forbidden(`Cannot create a document in group ${input.groupId}: ${decision.denial}`, decision.denial);
    }
    const { docId, registration } = await createGroupDocument(this.#options.store, { ...input, userId: me.id });
    this.#options.outbox.adopt(registration);
    void this.#options.outbox.flush();
    return docId;
  }

  /** Queues archiving (or restoring) a document; shown at once, sent when online. */
  async setArchived(docId: DocId, isArchived: boolean): Promise<void> {
    const me = this.#requireUser('archive a document');
    const record = this.#options.cache.rowOf(docId)?.record ?? null;
    const decision = record === null ? null : decide(me, Action.archiveDocument, documentTarget(record));
    if (decision !== null && !decision.allowed) {
      throw forbidden(`Cannot archive document ${docId}: ${decision.denial}`, decision.denial);
    }
    // Only the last wish counts: an earlier archive change not sent yet is replaced.
    await this.#options.outbox.enqueue(
      { op: OutboxOp.setArchived, docId, payload: { isArchived } },
      { replaces: (row) => row.op === OutboxOp.setArchived && row.userId === me.id },
    );
  }

  /** What the signed-in user may do with a document now. */
  accessOf(docId: DocId): DocAccess {
    const { auth, cache, outbox, access, isOnline } = this.#options;
    const snapshot = cache.state.getSnapshot();
    return deriveDocAccess({
      auth: auth.getSnapshot(),
      isCacheLoaded: snapshot.isLoaded && outbox.state.getSnapshot().isLoaded,
      row: snapshot.docs.get(docId),
      isUnregistered: outbox.isUnregistered(docId),
      verdict: access.verdictOf(docId),
      isChecking: access.isChecking(docId),
      isOnline: isOnline(),
    });
  }

  /** Where a document stands between this device and the server; null when it is not listed. */
  placementOf(docId: DocId): DocPlacement | null {
    const row = this.#options.cache.rowOf(docId);
    return row === undefined ? null : placementOf(row, this.#options.outbox.isUnregistered(docId));
  }

  /** The documents the background sync should bring onto the device now, most important first. */
  async listSyncTargets(): Promise<SyncTarget[]> {
    const me = userOf(this.#options.auth.getSnapshot());
    if (me === null || !this.isSignedIn()) {
      return [];
    }
    const { gate, store, isDocOpen } = this.#options;
    // Read from the store, not the cache's mirror: a run starts right after the workspace is stored.
    const [rows, rooms] = await Promise.all([store.docs.list(), store.updates.unsentRooms()]);
    const unsent = unsentRoomsOf(rooms);
    return chooseSyncTargets(me, rows, unsent, { isConnectable: (docId) => gate.isOpen(docId), isOpen: isDocOpen });
  }

  async #refresh(): Promise<void> {
    const requestedAt = Date.now();
    const workspace = await this.#options.api.workspace();
    if (!this.isSignedIn() || workspace.me.id !== this.#options.userId) {
      // Signed out, or another user signed in, while the request ran.
      return;
    }
    await this.#options.cache.saveWorkspace(workspace, requestedAt);
    this.#options.auth.updateMe(workspace.me);
    this.#options.access.clearVerdicts();
    void this.#options.backgroundSync.run();
  }

  #requireUser(what: string): Me {
    const me = userOf(this.#options.auth.getSnapshot());
    if (me === null || me.id !== this.#options.userId) {
      throw signInRequired(what);
    }
    return me;
  }

  /** Registration and archive changes are sent by the workspace; the server's record is stored once. */
  #registerSenders(): void {
    const { outbox, api, cache, backgroundSync } = this.#options;
    outbox.register(OutboxOp.registerDoc, {
      send: async (row) => cache.saveServerRecord(await api.registerDoc(row.payload)),
      // The document may connect now: its content goes up with the next run.
      onSent: () => void backgroundSync.run(),
    });
    outbox.register(OutboxOp.setArchived, {
      send: async (row) => cache.saveServerRecord(await api.updateDoc(row.docId, row.payload)),
    });
  }

  /**
   * Fetches the workspace again without waiting: offline the cached one stays and what it lists is
   * still brought down; any other failure is reported to the diagnostics under `where`.
   */
  refreshInBackground(where: string): void {
    this.refresh().catch((err: unknown) => {
      if (hasErrorCode(err, ClientErrorCode.unauthorized)) {
        return;
      }
      if (!hasErrorCode(err, ClientErrorCode.network)) {
        this.#options.diagnostics.report(where, err);
      }
      // Offline or failing: still bring down what is listed.
      if (this.isSignedIn()) {
        void this.#options.backgroundSync.run();
      }
    });
  }
}
