import type { DocRecord } from '../../../shared/api/schemas';
import { type DocId, DocStatus, type UserId } from '../../../shared/index';
import type { DocAccessRecord, DocRecordStore, GetDocumentOptions, NewDocument } from '../DocRecordStore';
import { compare } from './MemoryGroupStore';

export interface MemoryDocRecordStoreOptions {
  /** The clock of archiving; Date.now by default. */
  readonly now?: () => number;
}

type StoredRecord = Omit<DocRecord, 'authorIds' | 'cosigners' | 'lastReturn'>;

/**
 * Document records in memory: for tests, and as a reference for the contract. Co-signers and
 * returns are the review store's, which has no memory adapter: records here have none.
 */
export class MemoryDocRecordStore implements DocRecordStore {
  readonly #now: () => number;
  readonly #records = new Map<DocId, StoredRecord>();
  /** Each document's authors with the time of their first change. */
  readonly #authors = new Map<DocId, Map<UserId, number>>();
  #isClosed = false;

  constructor(options: MemoryDocRecordStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async createDocument(doc: NewDocument): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }> {
    this.#assertOpen('register a document');
    const existing = this.#recordOf(doc.id);
    if (existing !== null) {
      return { isCreated: false, record: existing };
    }
    this.#records.set(doc.id, {
      ...doc,
      status: DocStatus.draft,
      isArchived: false,
      updatedAt: doc.createdAt,
      updatedBy: doc.createdBy,
      fields: {},
    });
    this.#authors.set(doc.id, new Map([[doc.createdBy, doc.createdAt]]));
    return { isCreated: true, record: this.#recordOf(doc.id) as DocRecord };
  }

  async getDocument(id: DocId, _options: GetDocumentOptions = {}): Promise<DocRecord | null> {
    this.#assertOpen('read a document record');
    return this.#recordOf(id);
  }

  async getAccessRecord(id: DocId): Promise<DocAccessRecord | null> {
    const record = await this.getDocument(id);
    if (record === null) {
      return null;
    }
    const { kind, groupId, status, isArchived, createdBy } = record;
    return { id, kind, groupId, status, isArchived, createdBy };
  }

  async listDocuments(): Promise<DocRecord[]> {
    this.#assertOpen('list document records');
    return [...this.#records.values()]
      .sort((a, b) => b.updatedAt - a.updatedAt || compare(a.id, b.id))
      .flatMap((record) => this.#recordOf(record.id) ?? []);
  }

  async setDocumentArchived(id: DocId, isArchived: boolean): Promise<DocRecord | null> {
    this.#assertOpen('archive a document');
    const record = this.#records.get(id);
    if (record === undefined) {
      return null;
    }
    // Always later than before: clients keep the copy of a record with the newer updatedAt.
    this.#records.set(id, { ...record, isArchived, updatedAt: Math.max(record.updatedAt + 1, this.#now()) });
    return this.#recordOf(id);
  }

  async close(): Promise<void> {
    this.#isClosed = true;
  }

  /** The record with its authors: the creator first, then by their first change. */
  #recordOf(id: DocId): DocRecord | null {
    const record = this.#records.get(id);
    if (record === undefined) {
      return null;
    }
    const authorIds = [...(this.#authors.get(id) ?? [])]
      .sort(
        ([a, aAt], [b, bAt]) =>
          Number(b === record.createdBy) - Number(a === record.createdBy) || aAt - bAt || compare(a, b),
      )
      .map(([userId]) => userId);
    return { ...record, authorIds, cosigners: [], lastReturn: null };
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new Error(`Cannot ${operation}: the document record store is closed`);
    }
  }
}
