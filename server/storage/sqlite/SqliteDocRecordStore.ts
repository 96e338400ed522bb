import type { DocRecord } from '../../../shared/api/schemas';
import type { DocId } from '../../../shared/index';
import type { DocAccessRecord, DocRecordStore, GetDocumentOptions, NewDocument } from '../DocRecordStore';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import { accessRecordById, allDocuments, documentById, insertDocument, setArchived } from './sqliteDocumentRows';

export interface SqliteDocRecordStoreOptions {
  /** Path of the database file, shared with the other stores; created when missing. */
  readonly path: string;
  /** The clock of archiving; Date.now by default. */
  readonly now?: () => number;
}

/**
 * Document records in the shared SQLite file, on a connection of their own. Owns the
 * `documents` and `doc_authors` tables (sqliteDocumentRows), which the relay's batches and the
 * review store also change, through the same functions, inside their own transactions.
 */
export class SqliteDocRecordStore implements DocRecordStore {
  readonly #q: SqliteQueries;
  readonly #now: () => number;

  constructor(options: SqliteDocRecordStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'document record store');
    this.#now = options.now ?? Date.now;
  }

  createDocument(doc: NewDocument): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }> {
    return this.#q.write('register a document', () => insertDocument(this.#q, doc));
  }

  getDocument(id: DocId, options: GetDocumentOptions = {}): Promise<DocRecord | null> {
    return this.#q.read('read a document record', () => documentById(this.#q, id, options.withSnapshots));
  }

  getAccessRecord(id: DocId): Promise<DocAccessRecord | null> {
    return this.#q.read('read a document record', () => accessRecordById(this.#q, id));
  }

  listDocuments(): Promise<DocRecord[]> {
    return this.#q.read('list document records', () => allDocuments(this.#q));
  }

  setDocumentArchived(id: DocId, isArchived: boolean): Promise<DocRecord | null> {
    return this.#q.write('archive a document', () => {
      setArchived(this.#q, id, isArchived, this.#now());
      return documentById(this.#q, id);
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
