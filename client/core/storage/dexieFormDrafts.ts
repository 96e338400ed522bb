import type { FormDraftStore } from './DeviceStore';
import type { JianyanDb } from './JianyanDb';

/** The unsaved input of forms in the Dexie database (see `FormDraftStore`). */
export class DexieFormDrafts implements FormDraftStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(form: string): Promise<unknown> {
    const row: unknown = await this.#db.formDrafts.get(form);
    return typeof row === 'object' && row !== null && 'value' in row ? row.value : null;
  }

  async save(form: string, value: unknown, savedAt: number): Promise<void> {
    await this.#db.formDrafts.put({ form, value, savedAt });
  }

  async clear(form: string): Promise<void> {
    await this.#db.formDrafts.delete(form);
  }
}
