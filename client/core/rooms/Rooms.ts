import type { DocId } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import type { Store } from '../lib';
import type { Identity } from '../presence';
import type { DeviceStore, StorageHealth } from '../storage';
import { CommentsSession } from './CommentsSession';
import type { ConnectionGate } from './ConnectionGate';
import { ContentSession } from './ContentSession';
import { type Claim, type ClaimOptions, ClaimRegistry } from './claimRegistry';
import { type SyncOutcome, syncRooms } from './syncOnce';

export interface RoomsOptions {
  readonly store: Pick<DeviceStore, 'updates' | 'docs'>;
  readonly health: StorageHealth;
  readonly identity: Pick<Store<Identity>, 'getSnapshot' | 'subscribe'>;
  readonly gate: ConnectionGate;
  readonly diagnostics: Diagnostics;
}

export interface SyncOnceOptions {
  /** Whether the comments come along (true by default); a queued transition needs the content only. */
  readonly withComments?: boolean;
}

/**
 * The open rooms of one account in this tab: one content and one comments session per document,
 * shared by the pages, the editor and the background sync, and closed when the account signs out.
 */
export class Rooms {
  readonly #options: RoomsOptions;
  readonly #content = new ClaimRegistry<ContentSession>();
  readonly #comments = new ClaimRegistry<CommentsSession>();

  constructor(options: RoomsOptions) {
    this.#options = options;
  }

  /** Opens a document's content (or reuses the open one) and claims it; call `release` once done. */
  readonly openContent = (docId: DocId, options: ClaimOptions = {}): Claim<ContentSession> => {
    const open = (): ContentSession => {
      const { store, health, identity, gate, diagnostics } = this.#options;
      const session = new ContentSession({
        updates: store.updates,
        docs: store.docs,
        health,
        docId,
        identity,
        gate,
        diagnostics,
      });
      void session.open();
      return session;
    };
    return this.#content.claim(docId, open, options);
  };

  /** Opens a document's comments (or reuses them) and claims them; call `release` once done. */
  readonly openComments = (docId: DocId, options: ClaimOptions = {}): Claim<CommentsSession> => {
    const open = (): CommentsSession => {
      const { store, health, gate, diagnostics } = this.#options;
      const session = new CommentsSession({ updates: store.updates, health, docId, gate, diagnostics });
      void session.open();
      return session;
    };
    return this.#comments.claim(docId, open, options);
  };

  /** The open content of a document in this tab, if any. */
  findContent(docId: DocId): ContentSession | null {
    return this.#content.find(docId);
  }

  /**
   * Opens a document without an editor until the server's state is stored on the device (its
   * step 2 applied and written to IndexedDB) and this device's unsent changes are acknowledged,
   * then closes it. Its comments come along, so that they can be read and answered offline,
   * unless `withComments` is false. Shares the sessions of a page that has the document open.
   */
  async syncOnce(docId: DocId, signal: AbortSignal, options: SyncOnceOptions = {}): Promise<SyncOutcome> {
    if (signal.aborted) {
      return 'failed';
    }
    // Nobody comes back to a document the background sync opened: close it at once.
    const content = this.openContent(docId, { lingerMs: 0 });
    const comments = options.withComments === false ? null : this.openComments(docId, { lingerMs: 0 });
    try {
      return await syncRooms([content.session, ...(comments === null ? [] : [comments.session])], signal);
    } finally {
      content.release();
      comments?.release();
    }
  }

  /** Closes every room (signing out). */
  closeAll(): void {
    this.#content.closeAll();
    this.#comments.closeAll();
  }
}
