import type { DocId, UserId } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { createStore, type Store } from '../lib';
import type { NewOutboxRow, OutboxAddOptions, OutboxFailure, OutboxRowStore, StoredOutboxRow } from '../storage';
import type { OutboxOp } from './outboxOps';
import { type OutboxPayloads, type OutboxRow, parseOutboxRow } from './outboxOps';
import { type OutboxSummary, sameRows, summarize } from './outboxView';

export interface OutboxSnapshot {
  /** Whether the rows were read from the device at least once. */
  readonly isLoaded: boolean;
  /** The account's rows, oldest first. */
  readonly rows: readonly OutboxRow[];
}

/** A row to queue: its operation, document and payload. */
export type OutboxInput = {
  [Op in OutboxOp]: { readonly op: Op; readonly docId: DocId; readonly payload: OutboxPayloads[Op] };
}[OutboxOp];

export interface OutboxQueueOptions {
  readonly rows: OutboxRowStore;
  readonly userId: UserId;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/**
 * The account's queued rows, kept in memory and written through to the device store: sending reads
 * no row back. Other tabs' changes are read again when they announce them; rows of other accounts
 * on the device, or that make no sense for their operation, are left where they are.
 */
export class OutboxQueue {
  readonly state: Store<OutboxSnapshot> = createStore<OutboxSnapshot>({ isLoaded: false, rows: [] });
  /** The account's pending operations and refusals, replaced only when they change. */
  readonly summary: Store<OutboxSummary> = createStore<OutboxSummary>({ pending: 0, problems: [] });
  readonly #options: OutboxQueueOptions;
  /** Changes made here: a reload that ran across one reads again, so it cannot bring back a removed row. */
  #changes = 0;

  constructor(options: OutboxQueueOptions) {
    this.#options = options;
  }

  rows(): readonly OutboxRow[] {
    return this.state.getSnapshot().rows;
  }

  /** Whether the row is still queued (not sent, not taken back). */
  has(seq: number): boolean {
    return this.rows().some((row) => row.seq === seq);
  }

  /** Calls `onChange` when another tab changed the rows. */
  onExternalChange(onChange: () => void): () => void {
    return this.#options.rows.onExternalChange(onChange);
  }

  /** Reads the account's rows from the device store. */
  async reload(): Promise<void> {
    try {
      let rows: OutboxRow[];
      let changesBefore: number;
      do {
        changesBefore = this.#changes;
        rows = (await this.#options.rows.list()).flatMap((each) => {
          const row = parseOutboxRow(each);
          return row === null || row.userId !== this.#options.userId ? [] : [row];
        });
      } while (changesBefore !== this.#changes);
      this.#setRows(rows, true);
    } catch (err) {
      this.#options.diagnostics.report('outbox.reload', err);
    }
  }

  /** Queues a row; null when `options` found the same request queued already. */
  async add(input: OutboxInput, options?: OutboxAddOptions): Promise<OutboxRow | null> {
    const stored = await this.#options.rows.add(this.#newRow(input), options);
    if (options?.replaces !== undefined) {
      const replaces = options.replaces;
      this.#setRows(this.rows().filter((row) => row.docId !== input.docId || !replaces(row)));
    }
    return stored === null ? null : this.adopt(stored);
  }

  /** Queues several rows at once. */
  async addAll(inputs: readonly OutboxInput[]): Promise<void> {
    const stored = await this.#options.rows.addAll(inputs.map((input) => this.#newRow(input)));
    for (const row of stored) {
      this.adopt(row);
    }
  }

  /** A row another write of the device store queued (a new document's registration): keep it here too. */
  adopt(stored: StoredOutboxRow): OutboxRow | null {
    const row = parseOutboxRow(stored);
    if (row === null || row.userId !== this.#options.userId) {
      return null;
    }
    this.#setRows([...this.rows().filter((each) => each.seq !== row.seq), row].sort((a, b) => a.seq - b.seq));
    return row;
  }

  /** Removes a row; resolves false when it was gone already. */
  async remove(seq: number): Promise<boolean> {
    const existed = await this.#options.rows.remove(seq);
    this.#setRows(this.rows().filter((row) => row.seq !== seq));
    return existed;
  }

  /** An attempt failed; a refusal stops the retries until the user asks again. */
  async recordFailure(seq: number, failure: OutboxFailure, isRefused: boolean): Promise<void> {
    this.#setRows(
      this.rows().map((row) =>
        row.seq === seq ? { ...row, attempts: row.attempts + 1, lastError: failure, isRefused } : row,
      ),
    );
    try {
      await this.#options.rows.recordFailure(seq, failure, isRefused);
    } catch (err) {
      this.#options.diagnostics.report('outbox.recordFailure', err);
    }
  }

  /** Makes a refused row pending again. */
  async retry(seq: number): Promise<void> {
    await this.#options.rows.retry(seq);
    this.#setRows(this.rows().map((row) => (row.seq === seq ? { ...row, isRefused: false, attempts: 0 } : row)));
  }

  #newRow(input: OutboxInput): NewOutboxRow {
    const createdAt = (this.#options.now ?? Date.now)();
    return { ...input, userId: this.#options.userId, createdAt, attempts: 0, lastError: null, isRefused: false };
  }

  /** Publishes the rows; a change made here (not a reload) is counted, see `#changes`. */
  #setRows(rows: readonly OutboxRow[], isReload = false): void {
    const current = this.state.getSnapshot();
    if (!isReload) {
      this.#changes += 1;
    }
    const isLoaded = current.isLoaded || isReload;
    if (current.isLoaded === isLoaded && sameRows(current.rows, rows)) {
      return;
    }
    this.state.set({ isLoaded, rows });
    this.summary.set(summarize(rows));
  }
}
