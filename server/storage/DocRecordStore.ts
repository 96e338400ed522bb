import type { DocRecord } from '../../shared/api/schemas';
import type { DocId, DocKind, GroupId, UserId } from '../../shared/index';

export interface GetDocumentOptions {
  /**
   * Whether the co-signers' signed snapshots are read (default false): only the activity, the
   * signature answers and the check for outdated signatures need them; an access check never does.
   */
  readonly withSnapshots?: boolean;
}

/**
 * What deciding access to a document needs of its record (permissions' DocumentTarget, and the
 * kind the content rules check): read on every connection and every access re-check, so without
 * the authors and co-signers a whole record carries.
 */
export type DocAccessRecord = Pick<
  DocRecord,
  'id' | 'kind' | 'groupId' | 'status' | 'isArchived' | 'createdBy' | 'handlingUnitIds'
>;

/** What registering a document needs; the id (made by the client) and time are given by the caller. */
export interface NewDocument {
  readonly id: DocId;
  readonly kind: DocKind;
  readonly groupId: GroupId;
  readonly title: string;
  readonly createdBy: UserId;
  readonly createdAt: number;
}

/**
 * Document records: kind, group, status, archive flag, title, last change and authors. This
 * store registers, reads and archives them. Others change a record inside their own
 * transactions through this store's adapter: the relay's batches its title, last change and
 * authors (DocStore), a transition its status and a co-signer change its time (ReviewStore).
 * A record's co-signers are ReviewStore's, read with it.
 * Adapters: SQLite (the embedded default), PostgreSQL (several processes) and memory (tests).
 */
export interface DocRecordStore {
  /**
   * Registers a document with its creator as first author. When the id exists already, writes
   * nothing and answers the stored record with `isCreated: false` (the caller compares group and kind).
   */
  createDocument(doc: NewDocument): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }>;
  /** The document's record; null when it is not registered. */
  getDocument(id: DocId, options?: GetDocumentOptions): Promise<DocRecord | null>;
  /** The fields of the document's record that access is decided on; null when it is not registered. */
  getAccessRecord(id: DocId): Promise<DocAccessRecord | null>;
  /** Every registered document, most recently changed first. */
  listDocuments(): Promise<DocRecord[]>;
  /**
   * Archives or restores a document, its `updatedAt` set later than before; null when it is not
   * registered.
   */
  setDocumentArchived(id: DocId, isArchived: boolean): Promise<DocRecord | null>;
  /** Releases the store; later calls fail. */
  close(): Promise<void>;
}
