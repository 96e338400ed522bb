import type { DocId, UserId } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, hasErrorCode, isFinalRefusal } from '../errors';
import { createStore, type Store } from '../lib';
import type { OutboxAddOptions, OutboxRowStore, StoredOutboxRow } from '../storage';
import { type OutboxInput, OutboxQueue, type OutboxSnapshot } from './OutboxQueue';
import { OutboxOp, type OutboxRow, type OutboxRowOf } from './outboxOps';
import { failureOf, type OutboxSummary } from './outboxView';
import { RetryPolicy } from './RetryPolicy';

/** What a sender gets besides its row. */
export interface SendContext {
  /** Aborted when the outbox stops (signing out): a long wait (a content upload) gives up. */
  readonly signal: AbortSignal;
  /**
   * Call right before the request goes out: false means the user took the row back (撤销)
   * meanwhile, and the sender throws `cancelled` instead of sending.
   */
  claim(): boolean;
}

/** How one operation is sent, registered by the module that owns it. */
export interface OutboxSender<Op extends OutboxOp> {
  /** Sends the row; throws a ClientError when refused (kept as a problem) or unanswered (retried). */
  send(row: OutboxRowOf<Op>, context: SendContext): Promise<void>;
  /** Called once the sent row is gone from the outbox (a registered document may now connect). */
  onSent?(row: OutboxRowOf<Op>): void;
}

type AnySender = OutboxSender<OutboxOp>;

export interface OutboxOptions {
  readonly rows: OutboxRowStore;
  /** The account whose rows this outbox sends; other accounts' rows on the device wait for them. */
  readonly userId: UserId;
  /** Whether requests may be sent now (signed in, not expired). */
  readonly canSend: () => boolean;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/** sent; refused (kept as a problem); failed (retried later); stop (offline or signed out: stop flushing). */
type Outcome = 'sent' | 'refused' | 'failed' | 'stop';

/**
 * Operations made on this device that the server has not accepted yet (document registrations,
 * archive changes, workflow transitions, mentions, read marks), sent in order when online by the
 * sender each module registers. The rows are kept in memory and written through to the device
 * store; other tabs' changes are read again when they announce them. A transient failure is
 * retried with backoff; a final refusal is kept as a problem for the user, never dropped.
 */
export class Outbox {
  readonly state: Store<OutboxSnapshot>;
  /** The account's pending operations and refusals, replaced only when they change. */
  readonly summary: Store<OutboxSummary>;
  /** The id of the row whose request is out now (it can no longer be taken back); null when none is. */
  readonly requesting: Store<string | null> = createStore<string | null>(null);
  readonly #options: OutboxOptions;
  readonly #queue: OutboxQueue;
  readonly #senders = new Map<OutboxOp, AnySender>();
  readonly #retry: RetryPolicy;
  #flushing: Promise<void> | null = null;
  #isFlushAgain = false;
  #stopExternal: () => void = () => {};
  /** The first reading of the rows: a pass waits for it, so that no row on the device is missed. */
  #loaded: Promise<void> = Promise.resolve();
  /** Aborts a content upload a transition waits for, when the outbox stops. */
  #controller = new AbortController();
  /** Rows the user took back: a send that reaches its request drops them instead (this tab). */
  readonly #cancelled = new Set<number>();

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#queue = new OutboxQueue(options);
    this.state = this.#queue.state;
    this.summary = this.#queue.summary;
    this.#retry = new RetryPolicy(() => void this.flush());
  }

  /** Registers how rows of `op` are sent; one sender per operation. */
  register<Op extends OutboxOp>(op: Op, sender: OutboxSender<Op>): void {
    if (this.#senders.has(op)) {
      throw new Error(`The outbox already has a sender for ${op}`);
    }
    this.#senders.set(op, sender as unknown as AnySender);
  }

  /** Reads the account's rows, sends what waits, and follows other tabs' changes. Returns a stop function. */
  start(): () => void {
    this.#stopExternal = this.#queue.onExternalChange(() => void this.#queue.reload());
    this.#loaded = this.#queue.reload();
    void this.flush();
    return () => this.stop();
  }

  stop(): void {
    this.#stopExternal();
    this.#retry.cancel();
    this.#controller.abort();
    this.#controller = new AbortController();
  }

  /**
   * Queues an operation of the account and starts sending. Resolves with the row as queued, or
   * null when `options` found the same request queued already.
   */
  async enqueue(input: OutboxInput, options?: OutboxAddOptions): Promise<OutboxRow | null> {
    const row = await this.#queue.add(input, options);
    void this.flush();
    return row;
  }

  /** Queues several operations at once and starts sending. */
  async enqueueAll(inputs: readonly OutboxInput[]): Promise<void> {
    await this.#queue.addAll(inputs);
    void this.flush();
  }

  /** A row another write of the device store queued (a new document's registration): keep it here too. */
  adopt(stored: StoredOutboxRow): OutboxRow | null {
    return this.#queue.adopt(stored);
  }

  /** Whether the document waits for its registration (pending or refused): it must not connect yet. */
  isUnregistered(docId: DocId): boolean {
    return this.#queue.rows().some((row) => row.docId === docId && row.op === OutboxOp.registerDoc);
  }

  /**
   * Sends every pending operation of the account, in order. Asked while a pass runs, another pass
   * follows it, and the promise resolves once no pass is left. Never rejects.
   */
  flush(): Promise<void> {
    this.#isFlushAgain = true;
    this.#flushing ??= this.#flushPasses();
    return this.#flushing;
  }

  async #flushPasses(): Promise<void> {
    try {
      while (this.#isFlushAgain) {
        this.#isFlushAgain = false;
        this.#retry.cancel();
        await this.#flushOnce();
      }
    } finally {
      // In the same turn as the last check: a flush asked from now on starts a new run.
      this.#flushing = null;
    }
  }

  /** The network came back: try at once, with the backoff reset. */
  onOnline(): void {
    this.#retry.reset();
    void this.flush();
  }

  /** Makes a refused operation pending again and sends it. */
  async retry(id: string): Promise<void> {
    await this.#queue.retry(Number(id));
    await this.flush();
  }

  /** The user read a refusal and lets it go; the document's content stays on the device. */
  async dismiss(id: string): Promise<void> {
    await this.#queue.remove(Number(id));
  }

  /**
   * Takes back a queued row whose request has not gone out (撤销). Resolves false when it is too
   * late: the request is out, or the row is gone (sent, or taken back elsewhere). A row whose
   * earlier attempt failed without an answer may be taken back: offline the request never left,
   * and if an answer was lost the next fetch of the record shows what the server did.
   */
  async cancel(id: string): Promise<boolean> {
    if (this.requesting.getSnapshot() === id) {
      return false;
    }
    const seq = Number(id);
    // Marked before any await: a send waiting for the document's content checks it synchronously.
    this.#cancelled.add(seq);
    return this.#queue.remove(seq);
  }

  /** One pass over the pending rows; a pass that could not send everything tries again later. */
  async #flushOnce(): Promise<void> {
    await this.#loaded;
    if (!this.#options.canSend()) {
      return;
    }
    const outcome = await this.#sendPending();
    if (outcome === 'stop' || outcome === 'failed') {
      this.#retry.schedule(this.summary.getSnapshot().pending > 0 || !this.state.getSnapshot().isLoaded);
    } else {
      this.#retry.reset();
    }
  }

  /** One pass over the pending rows: 'stop' ends it, 'failed' when any row failed for now. */
  async #sendPending(): Promise<'sent' | 'failed' | 'stop'> {
    const rows = this.#queue.rows();
    // A document's later operations wait behind its registration (pending, failed or refused).
    const blocked = new Set(rows.filter((r) => r.isRefused && r.op === OutboxOp.registerDoc).map((r) => r.docId));
    let hadFailure = false;
    for (const row of rows) {
      const isStillQueued = this.#queue.has(row.seq);
      if (row.isRefused || blocked.has(row.docId) || !isStillQueued) {
        continue;
      }
      const outcome = await this.#send(row);
      if (outcome === 'stop') {
        return 'stop';
      }
      if (outcome === 'refused' || outcome === 'failed') {
        blocked.add(row.docId);
        hadFailure ||= outcome === 'failed';
      }
    }
    return hadFailure ? 'failed' : 'sent';
  }

  async #send(row: OutboxRow): Promise<Outcome> {
    const sender = this.#senders.get(row.op);
    if (sender === undefined) {
      this.#options.diagnostics.report('outbox.send', new Error(`No sender is registered for ${row.op}`));
      return 'failed';
    }
    const id = String(row.seq);
    const claim = (): boolean => {
      if (this.#cancelled.has(row.seq)) {
        return false;
      }
      this.requesting.set(id);
      return true;
    };
    try {
      await sender.send(row, { signal: this.#controller.signal, claim });
      await this.#queue.remove(row.seq);
      sender.onSent?.(row);
      return 'sent';
    } catch (err) {
      return await this.#onFailure(row, err);
    } finally {
      if (this.requesting.getSnapshot() === id) {
        this.requesting.set(null);
      }
    }
  }

  async #onFailure(row: OutboxRow, err: unknown): Promise<Outcome> {
    if (hasErrorCode(err, ClientErrorCode.cancelled)) {
      await this.#queue.remove(row.seq);
      return 'sent';
    }
    // Offline, or the session ended (the API client told the auth store): sent after the next sign-in.
    if (hasErrorCode(err, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
      return 'stop';
    }
    const isRefused = isFinalRefusal(err);
    await this.#queue.recordFailure(row.seq, failureOf(err), isRefused);
    return isRefused ? 'refused' : 'failed';
  }
}
