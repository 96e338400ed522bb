import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CONTENT_SCHEMA_VERSION, ContentField, type DocId, readDocKind, readSchemaVersion } from '../../../shared';
import { createStore, type Store } from '../lib/createStore';
import { toError } from '../lib/toError';
import type { Identity } from '../presence/identity';
import { presenceUserOf, TYPING_HOLD_MS } from '../presence/presenceUser';
import { saveDocRecord } from '../storage/docRecords';
import type { JianyanDb } from '../storage/JianyanDb';
import type { StorageHealth } from '../storage/storageHealth';
import { trackAuthorship } from '../versions/authorship';
import type { ConnectionGate } from './ConnectionGate';
import { DocConnection } from './DocConnection';
import { DocPersistence, STORAGE_ORIGIN } from './DocPersistence';

/** Coalesce updates of the document list entry (title, time) while someone types. */
const RECORD_SAVE_DELAY_MS = 400;

export type SessionState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly hadLocalData: boolean }
  | { readonly phase: 'failed'; readonly message: string };

export interface DocSessionOptions {
  readonly db: JianyanDb;
  readonly health: StorageHealth;
  readonly docId: DocId;
  readonly identity: Pick<Store<Identity>, 'getSnapshot' | 'subscribe'>;
  /** Whether the document may connect to the relay now; by default always. */
  readonly gate?: ConnectionGate;
}

/**
 * An open document: its Y.Doc (gc off, see DESIGN.md Review), loaded from the device first and
 * then connected to the relay. The editor only sees the doc and the awareness.
 */
export class DocSession {
  readonly docId: DocId;
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness: Awareness;
  readonly state: Store<SessionState> = createStore<SessionState>({ phase: 'loading' });
  /**
   * Whether there is a document to edit: it was on the device, or the server's state arrived.
   * Before that, an editor would start an empty document beside the real one.
   */
  readonly hasContent: Store<boolean> = createStore(false);
  /** Whether the document's schema is newer than this app knows (C6): then it opens read-only. */
  readonly isSchemaTooNew: Store<boolean> = createStore(false);
  readonly #options: DocSessionOptions;
  readonly #persistence: DocPersistence;
  #connection: DocConnection | null = null;
  readonly #connectionStore: Store<DocConnection | null> = createStore<DocConnection | null>(null);
  #recordTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the record save that is due includes a change made on this device. */
  #hasLocalChange = false;
  #stopIdentity: () => void = () => {};
  #stopAuthorship: () => void = () => {};
  #typingTimer: ReturnType<typeof setTimeout> | null = null;
  #isDestroyed = false;

  constructor(options: DocSessionOptions) {
    this.#options = options;
    this.docId = options.docId;
    this.awareness = new Awareness(this.doc);
    this.#persistence = new DocPersistence({
      db: options.db,
      docId: options.docId,
      doc: this.doc,
      health: options.health,
      isRemoteOrigin: (origin) => this.#connection?.isRemoteOrigin(origin) ?? false,
    });
  }

  /** The relay connection, once the stored state is loaded. */
  get connection(): Store<DocConnection | null> {
    return this.#connectionStore;
  }

  /** Loads the stored state, then connects. Never rejects: failure is a state. */
  async open(): Promise<void> {
    try {
      const hadLocalData = await this.#persistence.load();
      if (this.#isDestroyed) {
        return;
      }
      this.#checkSchema();
      this.doc.on('update', this.#onUpdate);
      this.#followIdentity();
      // Who writes is recorded from this device's first change on, so versions name their authors.
      this.#stopAuthorship = trackAuthorship(this.doc, () => this.#options.identity.getSnapshot().userId);
      const { db, docId, gate } = this.#options;
      this.#connection = new DocConnection({ db, docId, doc: this.doc, awareness: this.awareness, gate });
      this.#connection.provider.on('sync', (isSynced: boolean) => {
        if (isSynced) {
          this.hasContent.set(true);
        }
      });
      this.#connectionStore.set(this.#connection);
      this.hasContent.set(hadLocalData);
      this.state.set({ phase: 'ready', hadLocalData });
    } catch (err) {
      this.state.set({ phase: 'failed', message: toError(err).message });
    }
  }

  /** The editor reports an IME composition: remote changes wait until it ends (C7). */
  readonly setComposing = (isComposing: boolean): void => {
    this.#connection?.holdRemoteChanges(isComposing);
  };

  /** Resolves once every update so far is on the device. */
  whenSaved(): Promise<void> {
    return this.#persistence.whenIdle();
  }

  destroy(): void {
    this.#isDestroyed = true;
    this.#stopIdentity();
    this.#stopAuthorship();
    if (this.#typingTimer !== null) {
      clearTimeout(this.#typingTimer);
    }
    this.doc.off('update', this.#onUpdate);
    if (this.#recordTimer !== null) {
      clearTimeout(this.#recordTimer);
      this.#saveRecord();
    }
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'closed');
    this.#connection?.destroy();
    this.#persistence.destroy();
    this.awareness.destroy();
    // The doc itself is left to the garbage collector: writes already issued still read it.
  }

  readonly #onUpdate = (_update: Uint8Array, origin: unknown): void => {
    this.#checkSchema();
    if (origin === STORAGE_ORIGIN) {
      return;
    }
    const isLocal = !(this.#connection?.isRemoteOrigin(origin) ?? false);
    this.#hasLocalChange ||= isLocal;
    if (isLocal) {
      this.#showTyping();
    }
    if (this.#recordTimer === null) {
      this.#recordTimer = setTimeout(() => {
        this.#recordTimer = null;
        this.#saveRecord();
      }, RECORD_SAVE_DELAY_MS);
    }
  };

  /**
   * Keeps the list entry current. Only a change made here moves the document's time: the server's
   * record says when others changed it, and a background sync of many documents must not make
   * them all look changed just now.
   */
  #saveRecord(): void {
    const { db, docId, health } = this.#options;
    const title = this.doc.getText(ContentField.title).toString();
    const updatedAt = this.#hasLocalChange ? Date.now() : undefined;
    this.#hasLocalChange = false;
    const settle = health.beginWrite();
    saveDocRecord(db, docId, { title, kind: readDocKind(this.doc), updatedAt }).then(
      () => settle({ ok: true }),
      (error: unknown) => settle({ ok: false, error }),
    );
  }

  #checkSchema(): void {
    const version = readSchemaVersion(this.doc);
    this.isSchemaTooNew.set(version !== null && version > CONTENT_SCHEMA_VERSION);
  }

  /** Others see "typing" beside this user's name until a short while after the last change. */
  #showTyping(): void {
    if (this.#typingTimer === null) {
      this.#publishUser(true);
    } else {
      clearTimeout(this.#typingTimer);
    }
    this.#typingTimer = setTimeout(() => {
      this.#typingTimer = null;
      this.#publishUser(false);
    }, TYPING_HOLD_MS);
  }

  /**
   * Publishes who this is (name, colour, role, typing). The editor's caret extension publishes the
   * user when it mounts; a session without an editor (a background upload) shows nobody.
   */
  #publishUser(isTyping: boolean): void {
    if (this.#isDestroyed || this.awareness.getLocalState()?.user === undefined) {
      return;
    }
    this.awareness.setLocalStateField('user', presenceUserOf(this.#options.identity.getSnapshot(), isTyping));
  }

  /**
   * Keeps the caret's name and colour current. The editor's caret extension publishes the user
   * when it mounts; a session without an editor (a background upload) shows nobody.
   */
  #followIdentity(): void {
    const { identity } = this.#options;
    this.#stopIdentity = identity.subscribe(() => this.#publishUser(this.#typingTimer !== null));
  }
}
