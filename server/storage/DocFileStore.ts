import type { DocFileInfo } from '../../shared/api/docFiles';
import type { DocFileMediaType, DocFileQuota } from '../../shared/domain/docFiles';
import type { DocId, UserId } from '../../shared/domain/ids';

/** A link to add: the file's bytes, their hash (checked by the caller), and who adds it when. */
export interface NewDocFile {
  readonly docId: DocId;
  readonly sha256: string;
  readonly mediaType: DocFileMediaType;
  readonly bytes: Uint8Array;
  readonly addedBy: UserId;
  readonly addedAt: number;
}

/** The limits an added link must stay within, in bytes (docs/RULES.md DF4). */
export interface DocFileLimits {
  /** The sizes of the files linked to one document. */
  readonly document: number;
  /** The sizes of the committee's distinct files, each counted once. */
  readonly committee: number;
}

/** What adding a link did: linked now, found already linked (nothing changed), or refused over a quota. */
export type AddDocFileOutcome =
  | { readonly kind: 'linked'; readonly file: DocFileInfo }
  | { readonly kind: 'already_linked'; readonly file: DocFileInfo }
  | {
      readonly kind: 'over_quota';
      readonly quota: DocFileQuota;
      /** The bytes the quota held before this file. */
      readonly used: number;
      readonly limit: number;
    };

/** A linked file with its bytes. */
export interface StoredDocFile extends DocFileInfo {
  readonly bytes: Uint8Array;
}

/**
 * The files a document's text shows or links to (docs/RULES.md DF1-DF5). Each distinct byte
 * string is kept once (a blob keyed by its SHA-256, in the database as SQLite BLOB or PostgreSQL
 * BYTEA, so a backup or the copy to PostgreSQL carries it); each document links the blobs it
 * uses. Links are never removed: an earlier version of the text may still show the file.
 * Adapters: SQLite and PostgreSQL, one contract suite (docFileStoreContract.ts).
 */
export interface DocFileStore {
  /**
   * Links the file to the document, storing its bytes when no document has them yet. The quota
   * check and the insert are one transaction, so two uploads at once cannot both pass a nearly
   * full quota, and the same file sent twice at once is linked and counted once.
   */
  addLink(file: NewDocFile, limits: DocFileLimits): Promise<AddDocFileOutcome>;
  /** Whether the file is linked to the document. */
  hasLink(docId: DocId, sha256: string): Promise<boolean>;
  /** The linked file with its bytes; null when it is not linked to this document. */
  getFile(docId: DocId, sha256: string): Promise<StoredDocFile | null>;
  /** The document's links, oldest first. */
  listLinks(docId: DocId): Promise<DocFileInfo[]>;
  /** The bytes of the files linked to the document (0 for none). */
  documentUsage(docId: DocId): Promise<number>;
  /** The bytes of the committee's distinct files, each counted once. */
  committeeUsage(): Promise<number>;
  close(): Promise<void>;
}
