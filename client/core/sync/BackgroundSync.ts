import type { DocId } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { createStore, type Store } from '../lib';
import type { SyncOutcome } from '../rooms';

/** Documents brought onto the device at the same time: enough to use a slow link, few enough not to swamp it. */
export const BACKGROUND_SYNC_CONCURRENCY = 3;

export interface BackgroundSyncState {
  readonly phase: 'idle' | 'running' | 'done' | 'offline' | 'error';
  readonly done: number;
  readonly total: number;
  readonly failed: number;
}

export const IDLE_SYNC_STATE: BackgroundSyncState = { phase: 'idle', done: 0, total: 0, failed: 0 };

/** A document to bring onto the device (and whose unsent changes go up on the way). */
export interface SyncTarget {
  readonly docId: DocId;
  /** The server record's `updatedAt` this sync brings down; remembered once it is stored. */
  readonly updatedAt: number | null;
}

export interface BackgroundSyncOptions {
  /** The documents to sync now, most important first. */
  readonly listTargets: () => Promise<readonly SyncTarget[]>;
  /** Opens one document until the server's state is stored on the device; resolves early when aborted. */
  readonly syncDoc: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
  /** Remembers that the target's version is on the device. */
  readonly markSynced: (target: SyncTarget) => Promise<void>;
  readonly isOnline: () => boolean;
  /** Where a failure is reported besides the run's count of failed documents. */
  readonly diagnostics: Diagnostics;
  readonly concurrency?: number;
}

/**
 * Brings every document of the user's groups onto the device, a few at a time, so that the whole
 * workspace can be opened offline. A run started while one is going starts again once it ends
 * (with the fresh list); going offline stops it cleanly, and a new run resumes where it matters:
 * documents already up to date are not in the next list.
 */
export class BackgroundSync {
  readonly state: Store<BackgroundSyncState> = createStore(IDLE_SYNC_STATE);
  readonly #options: BackgroundSyncOptions;
  #running: Promise<void> | null = null;
  #isRunAgain = false;
  #controller: AbortController | null = null;

  constructor(options: BackgroundSyncOptions) {
    this.#options = options;
  }

  /** Starts a run, or another one after the current. Resolves when no run is left; never rejects. */
  run(): Promise<void> {
    if (this.#running !== null) {
      this.#isRunAgain = true;
      return this.#running;
    }
    this.#running = this.#runAll().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Stops the current run (offline, signed out); `phase` says why. */
  stop(phase: 'idle' | 'offline' = 'idle'): void {
    this.#isRunAgain = false;
    this.#controller?.abort();
    this.state.update((s) => ({ ...s, phase }));
  }

  async #runAll(): Promise<void> {
    do {
      this.#isRunAgain = false;
      await this.#runOnce();
    } while (this.#isRunAgain);
  }

  async #runOnce(): Promise<void> {
    if (!this.#options.isOnline()) {
      this.state.set({ ...this.state.getSnapshot(), phase: 'offline' });
      return;
    }
    let targets: readonly SyncTarget[];
    try {
      targets = await this.#options.listTargets();
    } catch (err) {
      this.#options.diagnostics.report('backgroundSync.listTargets', err);
      this.state.set({ phase: 'error', done: 0, total: 0, failed: 0 });
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    let progress: BackgroundSyncState = { phase: 'running', done: 0, total: targets.length, failed: 0 };
    this.state.set(progress);
    const queue = [...targets];
    let isOffline = false;
    const worker = async (): Promise<void> => {
      for (let target = queue.shift(); target !== undefined; target = queue.shift()) {
        if (controller.signal.aborted) {
          return;
        }
        const outcome = await this.#syncOne(target, controller.signal);
        if (controller.signal.aborted) {
          return;
        }
        if (outcome === 'offline') {
          isOffline = true;
          controller.abort();
          return;
        }
        progress =
          outcome === 'synced'
            ? { ...progress, done: progress.done + 1 }
            : { ...progress, failed: progress.failed + 1 };
        this.state.set(progress);
      }
    };
    const count = Math.min(this.#options.concurrency ?? BACKGROUND_SYNC_CONCURRENCY, targets.length);
    await Promise.all(Array.from({ length: count }, worker));
    if (this.#controller === controller) {
      this.#controller = null;
    }
    if (isOffline) {
      this.state.set({ ...progress, phase: 'offline' });
    } else if (!controller.signal.aborted) {
      this.state.set({ ...progress, phase: progress.failed > 0 ? 'error' : 'done' });
    }
  }

  async #syncOne(target: SyncTarget, signal: AbortSignal): Promise<SyncOutcome> {
    try {
      const outcome = await this.#options.syncDoc(target.docId, signal);
      if (outcome === 'synced' && !signal.aborted) {
        await this.#options.markSynced(target);
      }
      return outcome;
    } catch (err) {
      this.#options.diagnostics.report('backgroundSync.syncDoc', err);
      return 'failed';
    }
  }
}
