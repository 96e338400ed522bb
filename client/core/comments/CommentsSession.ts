import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type DocId, RoomKind } from '../../../shared';
import { createStore, type Store } from '../lib/createStore';
import { toError } from '../lib/toError';
import type { ConnectionGate } from '../rooms/ConnectionGate';
import { DocConnection } from '../rooms/DocConnection';
import { DocPersistence } from '../rooms/DocPersistence';
import type { JianyanDb } from '../storage/JianyanDb';
import type { StorageHealth } from '../storage/storageHealth';
import { isListed, observeThreads, readThread, sortThreads, type Thread } from './commentsModel';
import { threadsOf } from './commentTypes';

export type CommentsState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready' }
  | { readonly phase: 'failed'; readonly message: string };

export interface CommentsSessionOptions {
  readonly db: JianyanDb;
  readonly health: StorageHealth;
  readonly docId: DocId;
  /** Whether the document may connect to the relay now; the content's gate, asked by the doc id. */
  readonly gate?: ConnectionGate;
}

/**
 * The comment threads of one open document: the comments Y.Doc (room `<id>.comments`), loaded
 * from the device first and then connected to the relay, exactly like the content, so comments
 * are written offline and by readers (P9) alike. Threads are published as plain data.
 */
export class CommentsSession {
  readonly docId: DocId;
  /** Comments may keep gc on: versions compare the content only (DESIGN.md, Review). */
  readonly doc = new Y.Doc();
  readonly state: Store<CommentsState> = createStore<CommentsState>({ phase: 'loading' });
  /** Every thread with a comment left, oldest first; positions are the editor's to sort by. */
  readonly threads: Store<readonly Thread[]> = createStore<readonly Thread[]>([]);
  readonly #options: CommentsSessionOptions;
  readonly #persistence: DocPersistence;
  readonly #connectionStore = createStore<DocConnection | null>(null);
  /** Every thread read so far, by id: a change reads again only the threads it touched. */
  readonly #read = new Map<string, Thread | null>();
  #stopObserving: () => void = () => {};
  #isDestroyed = false;

  constructor(options: CommentsSessionOptions) {
    this.#options = options;
    this.docId = options.docId;
    this.#persistence = new DocPersistence({
      db: options.db,
      docId: options.docId,
      room: RoomKind.comments,
      doc: this.doc,
      health: options.health,
      isRemoteOrigin: (origin) => this.#connectionStore.getSnapshot()?.isRemoteOrigin(origin) ?? false,
    });
  }

  /** The relay connection, once the stored threads are loaded. */
  get connection(): Store<DocConnection | null> {
    return this.#connectionStore;
  }

  /** Loads the stored threads, then connects. Never rejects: failure is a state. */
  async open(): Promise<void> {
    try {
      await this.#persistence.load();
      if (this.#isDestroyed) {
        return;
      }
      this.#stopObserving = observeThreads(this.doc, (changed) => this.#publish(changed));
      this.#publish(new Set(threadsOf(this.doc).keys()));
      const { db, docId, gate } = this.#options;
      // Nobody's presence lives in the comments room: the content's awareness shows who is here.
      const awareness = new Awareness(this.doc);
      awareness.setLocalState(null);
      this.#connectionStore.set(
        new DocConnection({ db, docId, room: RoomKind.comments, doc: this.doc, awareness, gate }),
      );
      this.state.set({ phase: 'ready' });
    } catch (err) {
      this.state.set({ phase: 'failed', message: toError(err).message });
    }
  }

  /** Resolves once every change so far is on the device. */
  whenSaved(): Promise<void> {
    return this.#persistence.whenIdle();
  }

  destroy(): void {
    this.#isDestroyed = true;
    this.#stopObserving();
    const connection = this.#connectionStore.getSnapshot();
    connection?.provider.awareness.destroy();
    connection?.destroy();
    this.#persistence.destroy();
  }

  /**
   * Publishes the threads after a change. Threads that did not change keep their objects, so
   * that the panel re-renders only the cards of those that did.
   */
  #publish(changed: ReadonlySet<string>): void {
    for (const id of changed) {
      this.#read.set(id, readThread(this.doc, id));
    }
    const listed = [...this.#read.values()].filter(isListed);
    this.threads.set(sortThreads(listed, () => null));
  }
}
