import type { SearchIndexStore } from './DeviceStore';
import { CURRENT_ROW, type JianyanDb } from './JianyanDb';

/** The saved search index in the account's Dexie database (see `SearchIndexStore`). */
export class DexieSearchIndex implements SearchIndexStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(): Promise<unknown> {
    const row: unknown = await this.#db.searchIndex.get(CURRENT_ROW);
    return typeof row === 'object' && row !== null && 'saved' in row ? row.saved : null;
  }

  async save(saved: unknown, savedAt: number): Promise<void> {
    await this.#db.searchIndex.put({ key: CURRENT_ROW, saved, savedAt });
  }
}
