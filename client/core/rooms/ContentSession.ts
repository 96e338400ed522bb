import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CONTENT_SCHEMA_VERSION, ContentField, RoomKind, readDocKind, readSchemaVersion } from '../../../shared';
import { createStore, type Store } from '../lib';
import { type Identity, presenceUserOf, TYPING_HOLD_MS } from '../presence';
import type { DocRowStore } from '../storage';
import { trackAuthorship } from '../versions';
import { RoomSession, type RoomSessionOptions } from './RoomSession';
import { UpdateOrigin } from './updateOrigin';

/** Coalesce updates of the document list entry (title, time) while someone types. */
const RECORD_SAVE_DELAY_MS = 400;

export interface ContentSessionOptions extends RoomSessionOptions {
  readonly docs: Pick<DocRowStore, 'saveLocal'>;
  /** Who writes here: the caret's name and colour, and the author of every change. */
  readonly identity: Pick<Store<Identity>, 'getSnapshot' | 'subscribe'>;
}

/**
 * An open document's content: its Y.Doc (gc off, see DESIGN.md Review) with the presence of who
 * has it open, the author of each change, the document list entry kept current, and a check of
 * the schema (C6). The editor only sees the doc and the awareness.
 */
export class ContentSession extends RoomSession {
  readonly awareness: Awareness;
  /** Whether the document's schema is newer than this app knows (C6): then it opens read-only. */
  readonly isSchemaTooNew: Store<boolean> = createStore(false);
  readonly #content: ContentSessionOptions;
  #recordTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the record save that is due includes a change made on this device. */
  #hasLocalChange = false;
  #stopIdentity: () => void = () => {};
  #stopAuthorship: () => void = () => {};
  #typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ContentSessionOptions) {
    super(options, RoomKind.content, new Y.Doc({ gc: false }));
    this.#content = options;
    this.awareness = new Awareness(this.doc);
  }

  /** The editor reports an IME composition: remote changes wait until it ends (C7). */
  readonly setComposing = (isComposing: boolean): void => {
    this.connection.getSnapshot()?.holdRemoteChanges(isComposing);
  };

  protected override connectionAwareness(): Awareness {
    return this.awareness;
  }

  protected override onLoaded(): void {
    this.#checkSchema();
    this.doc.on('update', this.#onUpdate);
    this.#stopIdentity = this.#content.identity.subscribe(() => this.#publishUser(this.#typingTimer !== null));
    // Who writes is recorded from this device's first change on, so versions name their authors.
    this.#stopAuthorship = trackAuthorship(this.doc, () => this.#content.identity.getSnapshot().userId);
  }

  protected override onDestroy(): void {
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
    this.awareness.destroy();
  }

  readonly #onUpdate = (_update: Uint8Array, origin: unknown): void => {
    this.#checkSchema();
    const from = this.originOf(origin);
    if (from === UpdateOrigin.device) {
      return;
    }
    const isLocal = from === UpdateOrigin.local;
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
    const { docs, health } = this.#content;
    const title = this.doc.getText(ContentField.title).toString();
    const updatedAt = this.#hasLocalChange ? Date.now() : undefined;
    this.#hasLocalChange = false;
    const settle = health.beginWrite();
    docs
      .saveLocal(this.docId, { title, kind: readDocKind(this.doc), ...(updatedAt === undefined ? {} : { updatedAt }) })
      .then(
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
    if (this.isDestroyed || this.awareness.getLocalState()?.user === undefined) {
      return;
    }
    this.awareness.setLocalStateField('user', presenceUserOf(this.#content.identity.getSnapshot(), isTyping));
  }
}
