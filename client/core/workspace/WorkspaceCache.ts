import type { DocId } from '../../../shared';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import type { Diagnostics } from '../diagnostics';
import { createStore, type Store } from '../lib';
import { type DeviceStore, type DocRow, sameJson, type WorkspaceRow } from '../storage';

/** The device's documents and workspace row, mirrored in memory for synchronous reads. */
export interface CacheSnapshot {
  readonly isLoaded: boolean;
  readonly snapshot: WorkspaceRow | null;
  readonly docs: ReadonlyMap<DocId, DocRow>;
}

export interface WorkspaceCacheOptions {
  readonly store: Pick<DeviceStore, 'observe' | 'workspace' | 'docs'>;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/**
 * The workspace and the documents as this device keeps them, followed in memory (here and in
 * other tabs), and the one place the server's records are stored: a record the device holds
 * already, or a newer one, is not written again, however many answers and stream events bring it.
 */
export class WorkspaceCache {
  readonly state: Store<CacheSnapshot> = createStore<CacheSnapshot>({
    isLoaded: false,
    snapshot: null,
    docs: new Map(),
  });
  readonly #options: WorkspaceCacheOptions;

  constructor(options: WorkspaceCacheOptions) {
    this.#options = options;
  }

  /** Reads the device's workspace and documents, and follows their changes. Returns a stop function. */
  start(): () => void {
    const { store, diagnostics } = this.#options;
    return store.observe(
      async () => ({ snapshot: await store.workspace.read(), docs: await store.docs.list() }),
      ({ snapshot, docs }) =>
        this.state.set({ isLoaded: true, snapshot, docs: new Map(docs.map((row) => [row.id, row])) }),
      (err) => {
        diagnostics.report('workspace.readCache', err);
        this.state.update((cache) => ({ ...cache, isLoaded: true }));
      },
    );
  }

  /** The device's row of a document, if any. */
  rowOf(docId: DocId): DocRow | undefined {
    return this.state.getSnapshot().docs.get(docId);
  }

  /**
   * Stores the server's record of one document (an answer, a stream event). Resolves at once when
   * the device holds this record or a newer one already.
   */
  async saveServerRecord(record: DocRecord): Promise<void> {
    const known = this.rowOf(record.id)?.record ?? null;
    if (known !== null && (known.updatedAt > record.updatedAt || sameJson(known, record))) {
      return;
    }
    const row = await this.#options.store.docs.saveServerRecord(record, this.#now());
    this.#put(row);
  }

  /** The server no longer lets this user read the document: its record goes, its content stays. */
  async forgetServerRecord(docId: DocId): Promise<void> {
    await this.#options.store.docs.forgetServerRecord(docId);
    const row = this.rowOf(docId);
    if (row !== undefined) {
      this.#put({ ...row, record: null });
    }
  }

  /** Stores a `GET /api/workspace` answer requested at `requestedAt`. */
  saveWorkspace(workspace: Workspace, requestedAt: number): Promise<void> {
    return this.#options.store.workspace.save(workspace, { requestedAt, fetchedAt: this.#now() });
  }

  /** Remembers that the content of the record's version `updatedAt` is on the device. */
  markSynced(docId: DocId, updatedAt: number): Promise<void> {
    return this.#options.store.docs.markSynced(docId, updatedAt);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** Shows a row written here at once; the store's change arrives with the next observation. */
  #put(row: DocRow): void {
    this.state.update((cache) => ({ ...cache, docs: new Map(cache.docs).set(row.id, row) }));
  }
}
