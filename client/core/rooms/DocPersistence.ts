import * as Y from 'yjs';
import { type DocId, RoomKind, roomNameOf } from '../../../shared';
import type { JianyanDb } from '../storage/JianyanDb';
import type { StorageHealth } from '../storage/storageHealth';
import {
  appendUpdate,
  COMPACT_AFTER_BYTES,
  COMPACT_AFTER_ROWS,
  compactUpdates,
  type LogKey,
  readUpdates,
  shouldCompact,
} from '../storage/updateLog';

/** First retry of a failed write; doubles up to the maximum. Edits stay in memory meanwhile. */
const RETRY_FIRST_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 30_000;

/** The origin of updates applied from the device store, so that they are not stored twice. */
export const STORAGE_ORIGIN = Symbol('jianyan-storage');

export interface DocPersistenceOptions {
  readonly db: JianyanDb;
  readonly docId: DocId;
  /** Which of the document's Y.Docs this is; the content by default. */
  readonly room?: RoomKind;
  readonly doc: Y.Doc;
  readonly health: StorageHealth;
  /** Whether an update with this origin came from the network rather than from this device. */
  readonly isRemoteOrigin: (origin: unknown) => boolean;
}

/**
 * Keeps a Y.Doc in IndexedDB: every update is appended in the task that produced it (C1), local
 * ones are also recorded as unsent (C4), and the log is compacted now and then (C3).
 */
export class DocPersistence {
  readonly #options: DocPersistenceOptions;
  /** The log this doc is stored in: the document id for content, the room name for comments. */
  readonly #key: LogKey;
  #rowsSinceCompaction = 0;
  #bytesSinceCompaction = 0;
  #compaction: Promise<void> | null = null;
  readonly #pending = new Set<Promise<void>>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #isDestroyed = false;

  constructor(options: DocPersistenceOptions) {
    this.#options = options;
    this.#key = roomNameOf(options.docId, options.room ?? RoomKind.content);
    // Listen before loading, so that no edit made while the load runs is missed.
    options.doc.on('update', this.#onUpdate);
  }

  /** Applies the stored updates to the doc; resolves with whether the device had any. */
  async load(): Promise<boolean> {
    const { db, doc } = this.#options;
    const updates = await readUpdates(db, this.#key);
    doc.transact(() => {
      for (const update of updates) {
        Y.applyUpdate(doc, update, STORAGE_ORIGIN);
      }
    }, STORAGE_ORIGIN);
    this.#rowsSinceCompaction = updates.length;
    // Bytes count only updates not yet merged: one big merged update alone needs no compaction.
    this.#bytesSinceCompaction = updates.length > 1 ? updates.reduce((sum, u) => sum + u.byteLength, 0) : 0;
    this.#maybeCompact();
    return updates.length > 0;
  }

  /** Resolves once every write issued so far has been committed (or given up with the doc). */
  async whenIdle(): Promise<void> {
    while (this.#pending.size > 0 || this.#compaction !== null) {
      await Promise.allSettled([...this.#pending, this.#compaction]);
    }
  }

  /** Stops listening. Writes already issued still complete; failed ones are no longer retried. */
  destroy(): void {
    this.#isDestroyed = true;
    this.#options.doc.off('update', this.#onUpdate);
    for (const timer of this.#timers) {
      clearTimeout(timer);
    }
    this.#timers.clear();
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) {
      return;
    }
    this.#write(update, !this.#options.isRemoteOrigin(origin), RETRY_FIRST_DELAY_MS, null);
  };

  #write(update: Uint8Array, isLocal: boolean, nextDelayMs: number, release: (() => void) | null): void {
    const { db, health } = this.#options;
    const settle = health.beginWrite();
    const write = appendUpdate(db, this.#key, update, isLocal).then(
      () => {
        settle({ ok: true });
        release?.();
        this.#rowsSinceCompaction += 1;
        this.#bytesSinceCompaction += update.byteLength;
        this.#maybeCompact();
      },
      (error: unknown) => {
        settle({ ok: false, error });
        this.#retryLater(update, isLocal, nextDelayMs, release ?? health.holdFailed());
      },
    );
    this.#track(write);
  }

  #retryLater(update: Uint8Array, isLocal: boolean, delayMs: number, release: () => void): void {
    if (this.#isDestroyed) {
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#write(update, isLocal, Math.min(delayMs * 2, RETRY_MAX_DELAY_MS), release);
    }, delayMs);
    this.#timers.add(timer);
  }

  #track(promise: Promise<void>): void {
    this.#pending.add(promise);
    void promise.finally(() => this.#pending.delete(promise));
  }

  #maybeCompact(): void {
    if (this.#compaction !== null || !shouldCompact(this.#rowsSinceCompaction, this.#bytesSinceCompaction)) {
      return;
    }
    const { db, health } = this.#options;
    const settle = health.beginWrite();
    this.#compaction = compactUpdates(db, this.#key).then(
      () => {
        settle({ ok: true });
        this.#rowsSinceCompaction = 1;
        this.#bytesSinceCompaction = 0;
      },
      // A failed compaction loses nothing: the separate rows are still there. Try again later.
      (error: unknown) => {
        settle({ ok: false, error });
        this.#rowsSinceCompaction = COMPACT_AFTER_ROWS / 2;
        this.#bytesSinceCompaction = COMPACT_AFTER_BYTES / 2;
      },
    );
    void this.#compaction.finally(() => {
      this.#compaction = null;
    });
  }
}
