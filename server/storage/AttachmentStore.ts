import type { AttachmentInfo } from '../../shared/api/attachments';
import type { AdoptionRecord } from '../../shared/domain/adoptions';
import type { DocId } from '../../shared/domain/ids';

/** A stored file with its bytes. */
export interface StoredAttachment extends AttachmentInfo {
  readonly bytes: Uint8Array;
}

/**
 * Files tied to documents (reply letters, evidence) and the records of the use made of reports
 * (docs/RULES.md AT1-AT4, U1-U3). One port for both: a record points to its evidence, and both are
 * the document's paper trail beside its content, read by whoever reads the document; keeping them
 * in one store keeps that reference in one database module and one contract suite.
 * The bytes live in the database (SQLite BLOB, PostgreSQL BYTEA), at most 10 MiB each, so that a
 * backup or the copy to PostgreSQL carries them with everything else.
 * Adapters: SQLite and PostgreSQL, one contract suite (attachmentStoreContract.ts).
 */
export interface AttachmentStore {
  /** Stores a new file; its id is new (a repeated id throws). */
  addAttachment(attachment: StoredAttachment): Promise<void>;
  /** The document's files without their bytes, oldest first. */
  listAttachments(docId: DocId): Promise<AttachmentInfo[]>;
  /** One file of the document with its bytes; null when there is none with this id on this document. */
  getAttachment(docId: DocId, id: string): Promise<StoredAttachment | null>;
  /** The records of the document's use, by the day they happened, then as recorded. */
  listAdoptions(docId: DocId): Promise<AdoptionRecord[]>;
  addAdoption(record: AdoptionRecord): Promise<void>;
  /** Removes a record of the document; false when there was none. Its evidence stays (another record may cite it). */
  removeAdoption(docId: DocId, id: string): Promise<boolean>;
  close(): Promise<void>;
}
