import type { NewOutboxRow, OutboxAddOptions, OutboxFailure, OutboxRowStore, StoredOutboxRow } from './DeviceStore';
import type { JianyanDb } from './JianyanDb';
import type { TabChannel } from './TabChannel';
import { toValidOutboxRow } from './validRows';

/** The outbox rows in the Dexie database (see `OutboxRowStore`). */
export class DexieOutbox implements OutboxRowStore {
  readonly #db: JianyanDb;
  readonly #channel: TabChannel;

  constructor(db: JianyanDb, channel: TabChannel) {
    this.#db = db;
    this.#channel = channel;
  }

  onExternalChange(onChange: () => void): () => void {
    return this.#channel.subscribe((message) => {
      if (message.kind === 'outbox') {
        onChange();
      }
    });
  }

  async list(): Promise<StoredOutboxRow[]> {
    const rows = await this.#db.outbox.orderBy('seq').toArray();
    return rows.flatMap((row) => {
      const valid = toValidOutboxRow(row);
      return valid === null ? [] : [valid];
    });
  }

  async add(row: NewOutboxRow, options: OutboxAddOptions = {}): Promise<StoredOutboxRow | null> {
    const db = this.#db;
    const stored: StoredOutboxRow | null = await db.transaction('rw', db.outbox, async () => {
      const sameDoc = (await db.outbox.where('docId').equals(row.docId).toArray()).flatMap((each) => {
        const valid = toValidOutboxRow(each);
        return valid === null ? [] : [valid];
      });
      const { replaces, unlessQueued } = options;
      if (unlessQueued !== undefined && sameDoc.some(unlessQueued)) {
        return null;
      }
      if (replaces !== undefined) {
        await db.outbox.bulkDelete(sameDoc.filter(replaces).map((each) => each.seq));
      }
      const seq = Number(await db.outbox.add({ ...row }));
      return { ...row, seq };
    });
    return this.#announce(stored);
  }

  async addAll(rows: readonly NewOutboxRow[]): Promise<StoredOutboxRow[]> {
    if (rows.length === 0) {
      return [];
    }
    const seqs = await this.#db.outbox.bulkAdd(
      rows.map((row) => ({ ...row })),
      { allKeys: true },
    );
    return this.#announce(rows.map((row, i) => ({ ...row, seq: Number(seqs[i]) })));
  }

  async remove(seq: number): Promise<boolean> {
    return this.#announce((await this.#db.outbox.where('seq').equals(seq).delete()) > 0);
  }

  async recordFailure(seq: number, failure: OutboxFailure, isRefused: boolean): Promise<void> {
    await this.#db.outbox
      .where('seq')
      .equals(seq)
      .modify((row) => {
        Object.assign(row, { attempts: row.attempts + 1, lastError: failure, isRefused });
      });
    this.#announce(null);
  }

  async retry(seq: number): Promise<void> {
    await this.#db.outbox
      .where('seq')
      .equals(seq)
      .modify((row) => {
        Object.assign(row, { isRefused: false, attempts: 0 });
      });
    this.#announce(null);
  }

  /** Tells the other tabs that the rows changed; returns `value` for chaining. */
  #announce<T>(value: T): T {
    this.#channel.post({ kind: 'outbox' });
    return value;
  }
}
