import type { DocFileInfo } from '../../../shared/api/docFiles';
import type { DocId } from '../../../shared/domain/ids';
import type { AddDocFileOutcome, DocFileLimits, DocFileStore, NewDocFile, StoredDocFile } from '../DocFileStore';
import {
  DOC_FILE_LINK_COLUMNS,
  type DocFileLinkRow,
  judgeAddLink,
  toDocFileInfo,
  toStoredDocFile,
} from '../rows/docFileRows';
import { blob } from '../rows/rowChecks';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';

/**
 * Document files in the shared SQLite file, on a connection of their own: blobs once per
 * SHA-256 (BLOB), links per document. Adding a link is one IMMEDIATE transaction, so the quota
 * check and the insert see no other writer of any process in between.
 */
export class SqliteDocFileStore implements DocFileStore {
  readonly #q: SqliteQueries;

  constructor(options: { readonly path: string }) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'document file store');
  }

  addLink(file: NewDocFile, limits: DocFileLimits): Promise<AddDocFileOutcome> {
    return this.#q.write('link a file to a document', () => {
      const size = file.bytes.byteLength;
      const verdict = judgeAddLink(
        {
          existing: this.#link(file.docId, file.sha256),
          size,
          documentUsed: this.#documentUsage(file.docId),
          isBlobStored: this.#q.get('SELECT 1 FROM doc_file_blobs WHERE sha256 = ?', file.sha256) !== undefined,
          committeeUsed: this.#committeeUsage(),
        },
        limits,
      );
      if (verdict !== null) {
        return verdict;
      }
      this.#q.run(
        'INSERT INTO doc_file_blobs (sha256, size, bytes, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        file.sha256,
        size,
        blob(file.bytes),
        file.addedAt,
      );
      this.#q.run(
        `INSERT INTO doc_file_links (${DOC_FILE_LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
        file.docId,
        file.sha256,
        file.mediaType,
        size,
        file.addedBy,
        file.addedAt,
      );
      const linked: DocFileInfo = {
        sha256: file.sha256,
        mediaType: file.mediaType,
        size,
        addedBy: file.addedBy,
        addedAt: file.addedAt,
      };
      return { kind: 'linked', file: linked };
    });
  }

  hasLink(docId: DocId, sha256: string): Promise<boolean> {
    return this.#q.read(
      'look for a document file',
      () => this.#q.get('SELECT 1 FROM doc_file_links WHERE doc_id = ? AND sha256 = ?', docId, sha256) !== undefined,
    );
  }

  getFile(docId: DocId, sha256: string): Promise<StoredDocFile | null> {
    return this.#q.read('read a document file', () => {
      const row = this.#q.get<DocFileLinkRow>(
        `SELECT l.doc_id, l.sha256, l.media_type, l.size, l.added_by, l.added_at, b.bytes
           FROM doc_file_links l JOIN doc_file_blobs b ON b.sha256 = l.sha256
          WHERE l.doc_id = ? AND l.sha256 = ?`,
        docId,
        sha256,
      );
      return row === undefined ? null : toStoredDocFile(row);
    });
  }

  listLinks(docId: DocId): Promise<DocFileInfo[]> {
    return this.#q.read('list document files', () =>
      this.#q
        .all<DocFileLinkRow>(
          `SELECT ${DOC_FILE_LINK_COLUMNS} FROM doc_file_links WHERE doc_id = ? ORDER BY added_at, sha256`,
          docId,
        )
        .map(toDocFileInfo),
    );
  }

  documentUsage(docId: DocId): Promise<number> {
    return this.#q.read('sum a document’s files', () => this.#documentUsage(docId));
  }

  committeeUsage(): Promise<number> {
    return this.#q.read('sum the committee’s files', () => this.#committeeUsage());
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }

  #link(docId: DocId, sha256: string): DocFileInfo | null {
    const row = this.#q.get<DocFileLinkRow>(
      `SELECT ${DOC_FILE_LINK_COLUMNS} FROM doc_file_links WHERE doc_id = ? AND sha256 = ?`,
      docId,
      sha256,
    );
    return row === undefined ? null : toDocFileInfo(row);
  }

  #documentUsage(docId: DocId): number {
    const row = this.#q.get<{ used: number | null }>(
      'SELECT SUM(size) AS used FROM doc_file_links WHERE doc_id = ?',
      docId,
    );
    return Number(row?.used ?? 0);
  }

  #committeeUsage(): number {
    return Number(this.#q.get<{ used: number | null }>('SELECT SUM(size) AS used FROM doc_file_blobs')?.used ?? 0);
  }
}
