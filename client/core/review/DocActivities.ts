import type { DocId, UserId } from '../../../shared';
import type { DocActivity } from '../../../shared/api/review';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, hasErrorCode } from '../errors';
import { type DeviceStore, sameJson } from '../storage';
import type { WorkspaceCache } from '../workspace';

export interface DocActivitiesOptions {
  readonly userId: UserId;
  readonly api: Pick<ApiClient, 'docActivity'>;
  readonly store: Pick<DeviceStore, 'activity' | 'observe'>;
  readonly cache: Pick<WorkspaceCache, 'saveServerRecord' | 'rowOf' | 'state'>;
  readonly diagnostics: Diagnostics;
  /** Whether the server can be asked now (signed in, not expired, and online). */
  readonly canAsk: () => boolean;
}

/**
 * Documents' activity (record, timeline, versions, the user's last review) as this device keeps
 * it: fetched when a page shows it and again whenever its record changes (a transition, the live
 * stream, another tab), stored only when it is newer than what the device holds.
 */
export class DocActivities {
  readonly #options: DocActivitiesOptions;
  /** Documents a page shows the activity of: how many pages do, and the record's time they last saw. */
  readonly #watched = new Map<DocId, { count: number; updatedAt: number }>();
  /** Fetches on their way; `isDirty`: asked again meanwhile, so fetched once more after. */
  readonly #refreshing = new Map<DocId, { promise: Promise<void>; isDirty: boolean }>();

  constructor(options: DocActivitiesOptions) {
    this.#options = options;
  }

  /** The documents pages show the activity of. */
  watched(): readonly DocId[] {
    return [...this.#watched.keys()];
  }

  /** Calls `onActivity` with the cached activity (null before the first fetch) now and on every change. */
  observe(docId: DocId, onActivity: (activity: DocActivity | null) => void): () => void {
    const { store, userId, diagnostics } = this.#options;
    return store.observe(
      () => store.activity.read(docId, userId),
      onActivity,
      (err) => {
        diagnostics.report('review.readActivity', err);
        onActivity(null);
      },
    );
  }

  /**
   * Fetches a document's activity and stores it (and its record). Never rejects. Asked while a
   * fetch is on its way (the record changed meanwhile), it fetches again once that one is done:
   * the answer on its way may predate the change. Resolves once the last fetch is stored.
   */
  refresh(docId: DocId): Promise<void> {
    const running = this.#refreshing.get(docId);
    if (running !== undefined) {
      running.isDirty = true;
      return running.promise;
    }
    const entry = { promise: Promise.resolve(), isDirty: false };
    entry.promise = (async () => {
      try {
        do {
          entry.isDirty = false;
          await this.#fetch(docId);
        } while (entry.isDirty);
      } finally {
        this.#refreshing.delete(docId);
      }
    })();
    this.#refreshing.set(docId, entry);
    return entry.promise;
  }

  /** A page shows the document's activity: it is fetched now and whenever its record changes. */
  watch(docId: DocId): () => void {
    const watched = this.#watched.get(docId);
    const updatedAt = this.#options.cache.rowOf(docId)?.record?.updatedAt ?? 0;
    this.#watched.set(docId, { count: (watched?.count ?? 0) + 1, updatedAt: watched?.updatedAt ?? updatedAt });
    void this.refresh(docId);
    let isWatching = true;
    return () => {
      if (!isWatching) {
        return;
      }
      isWatching = false;
      const entry = this.#watched.get(docId);
      if (entry === undefined || entry.count <= 1) {
        this.#watched.delete(docId);
      } else {
        this.#watched.set(docId, { ...entry, count: entry.count - 1 });
      }
    };
  }

  /** A record that changed brings the activity of the pages that show its document. Returns a stop function. */
  followRecords(): () => void {
    const { cache } = this.#options;
    return cache.state.subscribe(() => {
      for (const [docId, entry] of this.#watched) {
        const updatedAt = cache.rowOf(docId)?.record?.updatedAt ?? 0;
        if (updatedAt > entry.updatedAt) {
          this.#watched.set(docId, { ...entry, updatedAt });
          void this.refresh(docId);
        }
      }
    });
  }

  async #fetch(docId: DocId): Promise<void> {
    const { api, store, userId, cache, diagnostics } = this.#options;
    if (!this.#options.canAsk()) {
      return;
    }
    try {
      const activity = await api.docActivity(docId);
      if (!this.#options.canAsk()) {
        return;
      }
      // An answer that left the server before a newer record reached this device (stream, another
      // tab) does not put the older record back: the cache keeps the newer one, and the change of
      // the record brings another fetch.
      this.#markSeen(docId, activity.record.updatedAt);
      await cache.saveServerRecord(activity.record);
      const cached = await store.activity.read(docId, userId);
      const isNewer = cached === null || cached.record.updatedAt <= activity.record.updatedAt;
      if (isNewer && !sameJson(cached, activity)) {
        await store.activity.save(userId, activity, Date.now());
      }
    } catch (err) {
      // Offline or refused: the cached activity stays; access checks tell the user about refusals.
      if (!hasErrorCode(err, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
        diagnostics.report('review.fetchActivity', err);
      }
    }
  }

  /** The record's time the pages watching the document have seen, so that it is not fetched twice. */
  #markSeen(docId: DocId, updatedAt: number): void {
    const entry = this.#watched.get(docId);
    if (entry !== undefined && updatedAt > entry.updatedAt) {
      this.#watched.set(docId, { ...entry, updatedAt });
    }
  }
}
