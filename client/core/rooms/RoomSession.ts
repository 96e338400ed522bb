import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type DocId, type RoomKind, type RoomName, roomNameOf } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { toError } from '../errors';
import { createStore, type Store } from '../lib';
import type { StorageHealth, UpdateLogStore } from '../storage';
import type { ConnectionGate } from './ConnectionGate';
import { DocConnection } from './DocConnection';
import { DocPersistence } from './DocPersistence';
import { classifyOrigin, type UpdateOrigin } from './updateOrigin';

export type RoomState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly hadLocalData: boolean }
  | { readonly phase: 'failed'; readonly message: string };

/** What every room session needs from the account it belongs to. */
export interface RoomSessionOptions {
  readonly updates: UpdateLogStore;
  readonly health: StorageHealth;
  readonly docId: DocId;
  /** Whether the document may connect to the relay now; every room of a document asks by its id. */
  readonly gate: ConnectionGate;
  readonly diagnostics: Diagnostics;
}

/**
 * One of a document's Y.Docs while it is open: loaded from the device first, then connected to
 * the relay; every update stored on the device in the task that made it (C1) and, when made here,
 * kept as unsent until the server acknowledges it (C4). The content and the comments of a
 * document are both rooms; each adds what is its own in `onLoaded` and `onDestroy`.
 */
export abstract class RoomSession {
  readonly docId: DocId;
  readonly kind: RoomKind;
  readonly room: RoomName;
  readonly doc: Y.Doc;
  readonly state: Store<RoomState> = createStore<RoomState>({ phase: 'loading' });
  /**
   * Whether there is a document to show: it was on the device, or the server's state arrived.
   * Before that, an editor would start an empty document beside the real one.
   */
  readonly hasContent: Store<boolean> = createStore(false);
  /** The relay connection, once the stored state is loaded. */
  readonly connection: Store<DocConnection | null> = createStore<DocConnection | null>(null);
  protected readonly options: RoomSessionOptions;
  readonly #persistence: DocPersistence;
  #isDestroyed = false;

  protected constructor(options: RoomSessionOptions, kind: RoomKind, doc: Y.Doc) {
    this.options = options;
    this.docId = options.docId;
    this.kind = kind;
    this.room = roomNameOf(options.docId, kind);
    this.doc = doc;
    // Listens before loading, so that no edit made while the load runs is missed.
    this.#persistence = new DocPersistence({
      updates: options.updates,
      room: this.room,
      doc,
      health: options.health,
      originOf: (origin) => this.originOf(origin),
    });
  }

  get isDestroyed(): boolean {
    return this.#isDestroyed;
  }

  /** Where an update of this room's doc came from: the device, the relay, or this device's user. */
  originOf(origin: unknown): UpdateOrigin {
    return classifyOrigin(origin, this.connection.getSnapshot()?.provider ?? null);
  }

  /** Loads the stored state, then connects. Never rejects: failure is a state. */
  async open(): Promise<void> {
    try {
      const hadLocalData = await this.#persistence.load();
      if (this.#isDestroyed) {
        return;
      }
      this.onLoaded();
      const { updates, docId, gate, diagnostics } = this.options;
      const connection = new DocConnection({
        updates,
        docId,
        room: this.kind,
        doc: this.doc,
        awareness: this.connectionAwareness(),
        gate,
        diagnostics,
        originOf: (origin) => this.originOf(origin),
      });
      connection.provider.on('sync', (isSynced: boolean) => {
        if (isSynced) {
          this.hasContent.set(true);
        }
      });
      this.connection.set(connection);
      this.hasContent.set(hadLocalData);
      this.state.set({ phase: 'ready', hadLocalData });
    } catch (err) {
      this.state.set({ phase: 'failed', message: toError(err).message });
    }
  }

  /** Resolves once every update so far is on the device. */
  whenSaved(): Promise<void> {
    return this.#persistence.whenIdle();
  }

  /** Stops syncing. Writes already issued still complete; the doc is left to the garbage collector. */
  destroy(): void {
    this.#isDestroyed = true;
    this.onDestroy();
    this.connection.getSnapshot()?.destroy();
    this.#persistence.destroy();
  }

  /** The presence this room publishes (the content's carets; nobody's in the comments room). */
  protected abstract connectionAwareness(): Awareness;

  /** The stored state is loaded; the relay connects next. */
  protected onLoaded(): void {}

  /** The session closes; the connection and the persistence close after this. */
  protected onDestroy(): void {}
}
