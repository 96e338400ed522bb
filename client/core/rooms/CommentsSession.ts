import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RoomKind } from '../../../shared';
import { isListed, observeThreads, readThread, sortThreads, type Thread, threadsOf } from '../comments';
import { createStore, type Store } from '../lib';
import { RoomSession, type RoomSessionOptions } from './RoomSession';

/**
 * The comment threads of one open document: the comments Y.Doc (room `<id>.comments`), a room like
 * the content, so comments are written offline and by readers (P9) alike. Threads are published
 * as plain data.
 */
export class CommentsSession extends RoomSession {
  /** Every thread with a comment left, oldest first; positions are the editor's to sort by. */
  readonly threads: Store<readonly Thread[]> = createStore<readonly Thread[]>([]);
  /** Nobody's presence lives in the comments room: the content's awareness shows who is here. */
  readonly #awareness: Awareness;
  /** Every thread read so far, by id: a change reads again only the threads it touched. */
  readonly #read = new Map<string, Thread | null>();
  #stopObserving: () => void = () => {};

  constructor(options: RoomSessionOptions) {
    // Comments may keep gc on: versions compare the content only (DESIGN.md, Review).
    super(options, RoomKind.comments, new Y.Doc());
    this.#awareness = new Awareness(this.doc);
    this.#awareness.setLocalState(null);
  }

  protected override connectionAwareness(): Awareness {
    return this.#awareness;
  }

  protected override onLoaded(): void {
    this.#stopObserving = observeThreads(this.doc, (changed) => this.#publish(changed));
    this.#publish(new Set(threadsOf(this.doc).keys()));
  }

  protected override onDestroy(): void {
    this.#stopObserving();
    this.#awareness.destroy();
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
