import type { DocId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import type { DocRow, DocRowChange, DocRowStore } from './DeviceStore';
import { emptyDocRow, withServerRecord } from './docRows';
import type { JianyanDb } from './JianyanDb';
import { sameJson } from './sameJson';
import { toValidDocRow } from './validRows';

/** The documents on this device in the Dexie database (see `DocRowStore`). */
export class DexieDocRows implements DocRowStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async list(): Promise<DocRow[]> {
    const rows = await this.#db.docs.orderBy('updatedAt').reverse().toArray();
    return rows.flatMap((row) => {
      const valid = toValidDocRow(row);
      return valid === null ? [] : [valid];
    });
  }

  async get(id: DocId): Promise<DocRow | null> {
    const row = await this.#db.docs.get(id);
    return row === undefined ? null : toValidDocRow(row);
  }

  saveLocal(id: DocId, change: DocRowChange): Promise<void> {
    return this.#change(id, (current) => {
      const base = current ?? emptyDocRow(id);
      return {
        ...base,
        title: change.title ?? base.title,
        kind: change.kind ?? base.kind,
        updatedAt: Math.max(change.updatedAt ?? 0, base.updatedAt),
      };
    });
  }

  async saveServerRecord(record: DocRecord, seenAt: number): Promise<DocRow> {
    const db = this.#db;
    return db.transaction('rw', db.docs, async () => {
      const current = toValidDocRow(await db.docs.get(record.id));
      const stored = current?.record ?? null;
      if (current !== null && stored !== null && (stored.updatedAt > record.updatedAt || sameJson(stored, record))) {
        // An older answer never puts back what a newer one said; the same record is not written twice.
        return current;
      }
      const next = withServerRecord(current, record, seenAt);
      await db.docs.put(next);
      return next;
    });
  }

  forgetServerRecord(id: DocId): Promise<void> {
    return this.#change(id, (current) =>
      current === null || current.record === null ? null : { ...current, record: null },
    );
  }

  markSynced(id: DocId, updatedAt: number): Promise<void> {
    return this.#change(id, (current) => (current === null ? null : { ...current, syncedAt: updatedAt }));
  }

  /** Reads, changes and writes one row in one transaction; `change` returning null writes nothing. */
  #change(id: DocId, change: (current: DocRow | null) => DocRow | null): Promise<void> {
    const db = this.#db;
    return db.transaction('rw', db.docs, async () => {
      const next = change(toValidDocRow(await db.docs.get(id)));
      if (next !== null) {
        await db.docs.put(next);
      }
    });
  }
}
