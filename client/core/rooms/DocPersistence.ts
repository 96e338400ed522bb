import * as Y from 'yjs';
import type { RoomName } from '../../../shared';
import type { StorageHealth, UpdateLogStore } from '../storage';
import { DEVICE_ORIGIN, UpdateOrigin } from './updateOrigin';

/** First retry of a failed write; doubles up to the maximum. Edits stay in memory meanwhile. */
const RETRY_FIRST_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 30_000;

/** Compact a room's log once it holds this many rows: loading stays fast after long sessions. */
export const COMPACT_AFTER_ROWS = 500;
/** ...or this many bytes of separate updates, whichever comes first. */
export const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;

/** Whether a log of `rows` rows and `bytes` bytes should be merged into one update. */
export function shouldCompact(rows: number, bytes: number): boolean {
  return rows >= COMPACT_AFTER_ROWS || bytes >= COMPACT_AFTER_BYTES;
}

export interface DocPersistenceOptions {
  readonly updates: UpdateLogStore;
  readonly room: RoomName;
  readonly doc: Y.Doc;
  readonly health: StorageHealth;
  /** Where an update came from (see `classifyOrigin`). */
  readonly originOf: (origin: unknown) => UpdateOrigin;
}

/**
 * Keeps a Y.Doc in IndexedDB: every update is appended in the task that produced it (C1), local
 * ones are also recorded as unsent (C4), and the log is compacted now and then (C3).
 */
export class DocPersistence {
  readonly #options: DocPersistenceOptions;
  #rowsSinceCompaction = 0;
  #bytesSinceCompaction = 0;
  #compaction: Promise<void> | null = null;
  readonly #pending = new Set<Promise<void>>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #isDestroyed = false;

  constructor(options: DocPersistenceOptions) {
    this.#options = options;
    // Listen before loading, so that no edit made while the load runs is missed.
    options.doc.on('update', this.#onUpdate);
  }

  /** Applies the stored updates to the doc; resolves with whether the device had any. */
  async load(): Promise<boolean> {
    const { doc, room } = this.#options;
    const updates = await this.#options.updates.read(room);
    doc.transact(() => {
      for (const update of updates) {
        Y.applyUpdate(doc, update, DEVICE_ORIGIN);
      }
    }, DEVICE_ORIGIN);
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
    const from = this.#options.originOf(origin);
    if (from !== UpdateOrigin.device) {
      this.#write(update, from === UpdateOrigin.local, RETRY_FIRST_DELAY_MS, null);
    }
  };

  #write(update: Uint8Array, isLocal: boolean, nextDelayMs: number, release: (() => void) | null): void {
    const { updates, room, health } = this.#options;
    const settle = health.beginWrite();
    const write = updates.append(room, update, isLocal).then(
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
    const { updates, room, health } = this.#options;
    const settle = health.beginWrite();
    this.#compaction = updates.compact(room).then(
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
