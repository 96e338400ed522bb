import type { DocRecord } from '../../../shared/api/schemas';
import type { DocId } from '../../../shared/index';
import type { DocAccessRecord, DocRecordStore, GetDocumentOptions, NewDocument } from '../DocRecordStore';
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';
import { accessRecordById, allDocuments, documentById, insertDocument, setArchived } from './pgDocumentRows';

export interface PgDocRecordStoreOptions extends Omit<PgDatabaseOptions, 'name'> {
  /** The clock of archiving; Date.now by default. */
  readonly now?: () => number;
}

/**
 * Document records in PostgreSQL, as SqliteDocRecordStore keeps them in SQLite. Owns the
 * `documents` and `doc_authors` tables (pgDocumentRows), which the relay's batches and the
 * review store also change, through the same functions, inside their own transactions.
 */
export class PgDocRecordStore implements DocRecordStore {
  readonly #db: PgDatabase;
  readonly #now: () => number;

  private constructor(db: PgDatabase, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgDocRecordStoreOptions): Promise<PgDocRecordStore> {
    const { now, ...connection } = options;
    return new PgDocRecordStore(
      await PgDatabase.open({ ...connection, name: 'document record store' }),
      now ?? Date.now,
    );
  }

  createDocument(doc: NewDocument): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }> {
    return this.#db.write('register a document', (q) => insertDocument(q, doc));
  }

  getDocument(id: DocId, options: GetDocumentOptions = {}): Promise<DocRecord | null> {
    return this.#db.read('read a document record', (q) => documentById(q, id, options.withSnapshots));
  }

  getAccessRecord(id: DocId): Promise<DocAccessRecord | null> {
    return this.#db.read('read a document record', (q) => accessRecordById(q, id));
  }

  listDocuments(): Promise<DocRecord[]> {
    return this.#db.read('list document records', allDocuments);
  }

  setDocumentArchived(id: DocId, isArchived: boolean): Promise<DocRecord | null> {
    return this.#db.write('archive a document', async (q) => {
      await setArchived(q, id, isArchived, this.#now());
      return documentById(q, id);
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
