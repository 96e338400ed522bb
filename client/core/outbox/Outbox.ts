import { liveQuery } from 'dexie';
import type { DocId, UserId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/ApiClient';
import { ApiError, NetworkError } from '../api/ApiError';
import { createStore, type Store } from '../lib/createStore';
import { isReviewRow, sendReviewRow, TransitionCancelledError } from '../review/sendReviewRow';
import { saveServerRecord } from '../storage/docRecords';
import { type JianyanDb, OutboxOp, type OutboxRow } from '../storage/JianyanDb';
import { listOutbox, recordOutboxFailure, removeOutboxRow, retryOutboxRow } from '../storage/outboxRows';
import type { SyncOutcome } from '../sync/BackgroundSync';
import { failureOf, isRefusal, sameRows, summarize } from './outboxView';

/** First retry after a transient failure (5xx, no network); doubles up to the maximum. */
const RETRY_FIRST_DELAY_MS = 2_000;
/** Longest wait between attempts while operations are pending: a rural link may come back any time. */
const RETRY_MAX_DELAY_MS = 5 * 60_000;

/** An operation the server refused; the user must see it (and may retry or dismiss it). */
export interface OutboxProblem {
  readonly id: string;
  readonly message: string;
  readonly docId: DocId;
  readonly op: OutboxOp;
  readonly status: number;
  readonly code: string;
  readonly denial: string | null;
}

export interface OutboxSummary {
  /** Operations waiting to be sent (not refused). */
  readonly pending: number;
  readonly problems: readonly OutboxProblem[];
}

export interface OutboxSnapshot {
  /** Whether the rows were read from the device at least once. */
  readonly isLoaded: boolean;
  /** The current user's rows, oldest first. */
  readonly rows: readonly OutboxRow[];
}

export interface OutboxOptions {
  readonly db: JianyanDb;
  readonly api: ApiClient;
  /** The user whose operations are sent; null while nobody is signed in (nothing is sent). */
  readonly currentUser: () => UserId | null;
  /** Whether requests may be sent now (signed in, not expired). */
  readonly canSend: () => boolean;
  /** A document is registered: its sessions may connect now. */
  readonly onRegistered?: (docId: DocId) => void;
  /** The server stored a record (registration, archive, transition). */
  readonly onRecord?: (record: DocRecord) => void;
  /**
   * Brings a document's unsent content to the server: a queued transition waits for it (see
   * client/review/sendReviewRow.ts). Without it such a transition waits until the content is sent.
   */
  readonly syncDoc?: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
}

/** sent; refused (kept as a problem); failed (retried later); stop (offline or signed out: stop flushing). */
type Outcome = 'sent' | 'refused' | 'failed' | 'stop';

/**
 * Operations made on this device that the server has not accepted yet (document registrations,
 * archive changes, workflow transitions, mentions, read marks), sent in order when online. A transient failure is retried with backoff;
 * a refusal (4xx) is kept as a problem for the user, never dropped.
 */
export class Outbox {
  readonly state: Store<OutboxSnapshot> = createStore<OutboxSnapshot>({ isLoaded: false, rows: [] });
  /** The current user's pending operations and refusals, replaced only when they change. */
  readonly summary: Store<OutboxSummary> = createStore<OutboxSummary>({ pending: 0, problems: [] });
  /** The id of the row whose request is out now (it can no longer be taken back); null when none is. */
  readonly requesting: Store<string | null> = createStore<string | null>(null);
  readonly #options: OutboxOptions;
  #flushing: Promise<void> | null = null;
  #isFlushAgain = false;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopWatching: () => void = () => {};
  /** Aborts a content upload a transition waits for, when the outbox stops. */
  #controller = new AbortController();
  /** Rows the user took back: a send that reaches its request drops them instead (this tab). */
  readonly #cancelled = new Set<number>();

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Follows the outbox table (also changes by other tabs). Returns a stop function. */
  watch(): () => void {
    const subscription = liveQuery(() => listOutbox(this.#options.db)).subscribe({
      next: (rows) => this.#publish(rows),
      error: () => undefined,
    });
    this.#stopWatching = () => subscription.unsubscribe();
    return () => this.stop();
  }

  stop(): void {
    this.#stopWatching();
    this.#clearTimer();
    this.#controller.abort();
    this.#controller = new AbortController();
  }

  /** Reads the rows again (after a change made here; other tabs' changes arrive through `watch`). */
  async reload(): Promise<void> {
    this.#publish(await listOutbox(this.#options.db));
  }

  /** Whether the document waits for its registration (pending or refused): it must not connect yet. */
  isUnregistered(docId: DocId): boolean {
    return this.state.getSnapshot().rows.some((row) => row.docId === docId && row.op === OutboxOp.registerDoc);
  }

  /** Sends every pending operation of the current user, in order. Never rejects. */
  flush(): Promise<void> {
    if (this.#flushing !== null) {
      this.#isFlushAgain = true;
      return this.#flushing;
    }
    this.#clearTimer();
    this.#flushing = this.#flushAll().finally(() => {
      this.#flushing = null;
      if (this.#isFlushAgain) {
        this.#isFlushAgain = false;
        void this.flush();
      }
    });
    return this.#flushing;
  }

  /** The network came back: try at once, with the backoff reset. */
  onOnline(): void {
    this.#failures = 0;
    void this.flush();
  }

  /** Makes a refused operation pending again and sends it. */
  async retry(id: string): Promise<void> {
    await retryOutboxRow(this.#options.db, Number(id));
    await this.reload();
    await this.flush();
  }

  /** The user read a refusal and lets it go; the document's content stays on the device. */
  async dismiss(id: string): Promise<void> {
    await removeOutboxRow(this.#options.db, Number(id));
    await this.reload();
  }

  /**
   * Takes back a queued row whose request has not gone out (撤销). Resolves false when it is too
   * late: the request is out, or the row is gone (sent, or taken back elsewhere). A row whose
   * earlier attempt failed without an answer may be taken back: offline the request never left,
   * and if an answer was lost the next fetch of the record shows what the server did.
   */
  async cancel(id: string): Promise<boolean> {
    const seq = Number(id);
    if (this.requesting.getSnapshot() === id) {
      return false;
    }
    // Marked before any await: a send waiting for the document's content checks it synchronously.
    this.#cancelled.add(seq);
    const existed = await this.#options.db.transaction('rw', this.#options.db.outbox, async () => {
      const row = await this.#options.db.outbox.get(seq);
      if (row === undefined) {
        return false;
      }
      await this.#options.db.outbox.delete(seq);
      return true;
    });
    await this.reload();
    return existed;
  }

  async #flushAll(): Promise<void> {
    do {
      this.#isFlushAgain = false;
      const user = this.#options.currentUser();
      if (user === null || !this.#options.canSend()) {
        return;
      }
      let rows: OutboxRow[];
      try {
        rows = (await listOutbox(this.#options.db)).filter((row) => row.userId === user);
      } catch {
        this.#scheduleRetry();
        return;
      }
      // A document's later operations wait behind its registration (pending, failed or refused).
      const blocked = new Set(rows.filter((r) => r.isRefused && r.op === OutboxOp.registerDoc).map((r) => r.docId));
      let hadTransientFailure = false;
      for (const row of rows) {
        if (row.isRefused || blocked.has(row.docId)) {
          continue;
        }
        const outcome = await this.#send(row);
        if (outcome === 'stop') {
          await this.reload().catch(() => undefined);
          this.#scheduleRetry();
          return;
        }
        if (outcome === 'refused' || outcome === 'failed') {
          blocked.add(row.docId);
          hadTransientFailure ||= outcome === 'failed';
        }
      }
      await this.reload().catch(() => undefined);
      if (hadTransientFailure) {
        this.#scheduleRetry();
        return;
      }
      this.#failures = 0;
    } while (this.#isFlushAgain);
  }

  async #send(row: OutboxRow): Promise<Outcome> {
    const { api, db } = this.#options;
    const seq = row.seq ?? -1;
    try {
      if (isReviewRow(row)) {
        const { syncDoc } = this.#options;
        const claim = (): boolean => {
          if (this.#cancelled.has(seq)) {
            return false;
          }
          this.requesting.set(String(seq));
          return true;
        };
        const result = await sendReviewRow({ api, db, syncDoc, signal: this.#controller.signal, claim }, row);
        if (result !== null) {
          await saveServerRecord(db, result.record);
        }
        await removeOutboxRow(db, seq);
        if (result !== null) {
          this.#options.onRecord?.(result.record);
        }
        return 'sent';
      }
      const record =
        row.op === OutboxOp.registerDoc
          ? await api.registerDoc(row.payload)
          : await api.updateDoc(row.docId, row.payload);
      await saveServerRecord(db, record);
      await removeOutboxRow(db, seq);
      this.#options.onRecord?.(record);
      if (row.op === OutboxOp.registerDoc) {
        await this.reload();
        this.#options.onRegistered?.(row.docId);
      }
      return 'sent';
    } catch (err) {
      if (err instanceof TransitionCancelledError) {
        await removeOutboxRow(db, seq).catch(() => undefined);
        return 'sent';
      }
      return this.#onFailure(seq, err);
    } finally {
      if (this.requesting.getSnapshot() === String(seq)) {
        this.requesting.set(null);
      }
    }
  }

  async #onFailure(seq: number, err: unknown): Promise<Outcome> {
    if (err instanceof NetworkError) {
      return 'stop';
    }
    if (err instanceof ApiError && err.status === 401) {
      // The session ended (the API client told the auth store); sent again after the next sign-in.
      return 'stop';
    }
    const isRefused = err instanceof ApiError && isRefusal(err);
    const failure = failureOf(err);
    await recordOutboxFailure(this.#options.db, seq, failure, isRefused).catch(() => undefined);
    return isRefused ? 'refused' : 'failed';
  }

  #scheduleRetry(): void {
    this.#failures += 1;
    this.#clearTimer();
    if (this.summary.getSnapshot().pending === 0 && this.state.getSnapshot().isLoaded) {
      return;
    }
    const delay = Math.min(RETRY_FIRST_DELAY_MS * 2 ** (this.#failures - 1), RETRY_MAX_DELAY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  #publish(all: readonly OutboxRow[]): void {
    const user = this.#options.currentUser();
    const rows = user === null ? [] : all.filter((row) => row.userId === user);
    const current = this.state.getSnapshot();
    if (current.isLoaded && sameRows(current.rows, rows)) {
      return;
    }
    this.state.set({ isLoaded: true, rows });
    this.summary.set(summarize(rows));
  }
}
