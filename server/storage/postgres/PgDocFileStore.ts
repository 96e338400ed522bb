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
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';
import { PG_LOCKS, type PgQueries } from './pgQueries';

/**
 * Document files in PostgreSQL (bytes as BYTEA), as SqliteDocFileStore keeps them. Adding a link
 * takes the document files' advisory lock for its transaction: the quota sums and the insert of
 * one upload are never interleaved with another's, in this process or any other.
 */
export class PgDocFileStore implements DocFileStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: Omit<PgDatabaseOptions, 'name'>): Promise<PgDocFileStore> {
    return new PgDocFileStore(await PgDatabase.open({ ...options, name: 'document file store' }));
  }

  addLink(file: NewDocFile, limits: DocFileLimits): Promise<AddDocFileOutcome> {
    return this.#db.write(
      'link a file to a document',
      async (q) => {
        const size = file.bytes.byteLength;
        const verdict = judgeAddLink(
          {
            existing: await linkOf(q, file.docId, file.sha256),
            size,
            documentUsed: await documentUsageOf(q, file.docId),
            isBlobStored: (await q.get('SELECT 1 FROM doc_file_blobs WHERE sha256 = $1', file.sha256)) !== undefined,
            committeeUsed: await committeeUsageOf(q),
          },
          limits,
        );
        if (verdict !== null) {
          return verdict;
        }
        await q.run(
          'INSERT INTO doc_file_blobs (sha256, size, bytes, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
          file.sha256,
          size,
          blob(file.bytes),
          file.addedAt,
        );
        await q.run(
          `INSERT INTO doc_file_links (${DOC_FILE_LINK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`,
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
        return { kind: 'linked', file: linked } as const;
      },
      { lock: PG_LOCKS.docFiles },
    );
  }

  hasLink(docId: DocId, sha256: string): Promise<boolean> {
    return this.#db.read(
      'look for a document file',
      async (q) =>
        (await q.get('SELECT 1 FROM doc_file_links WHERE doc_id = $1 AND sha256 = $2', docId, sha256)) !== undefined,
    );
  }

  getFile(docId: DocId, sha256: string): Promise<StoredDocFile | null> {
    return this.#db.read('read a document file', async (q) => {
      const row = await q.get<DocFileLinkRow>(
        `SELECT l.doc_id, l.sha256, l.media_type, l.size, l.added_by, l.added_at, b.bytes
           FROM doc_file_links l JOIN doc_file_blobs b ON b.sha256 = l.sha256
          WHERE l.doc_id = $1 AND l.sha256 = $2`,
        docId,
        sha256,
      );
      return row === undefined ? null : toStoredDocFile(row);
    });
  }

  listLinks(docId: DocId): Promise<DocFileInfo[]> {
    return this.#db.read('list document files', async (q) =>
      (
        await q.all<DocFileLinkRow>(
          `SELECT ${DOC_FILE_LINK_COLUMNS} FROM doc_file_links WHERE doc_id = $1 ORDER BY added_at, sha256`,
          docId,
        )
      ).map(toDocFileInfo),
    );
  }

  documentUsage(docId: DocId): Promise<number> {
    return this.#db.read('sum a document’s files', (q) => documentUsageOf(q, docId));
  }

  committeeUsage(): Promise<number> {
    return this.#db.read('sum the committee’s files', committeeUsageOf);
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

async function linkOf(q: PgQueries, docId: DocId, sha256: string): Promise<DocFileInfo | null> {
  const row = await q.get<DocFileLinkRow>(
    `SELECT ${DOC_FILE_LINK_COLUMNS} FROM doc_file_links WHERE doc_id = $1 AND sha256 = $2`,
    docId,
    sha256,
  );
  return row === undefined ? null : toDocFileInfo(row);
}

/** SUM of BIGINT is NUMERIC, which pg hands over as a string. */
async function documentUsageOf(q: PgQueries, docId: DocId): Promise<number> {
  const row = await q.get<{ used: string | null }>(
    'SELECT SUM(size) AS used FROM doc_file_links WHERE doc_id = $1',
    docId,
  );
  return Number(row?.used ?? 0);
}

async function committeeUsageOf(q: PgQueries): Promise<number> {
  const row = await q.get<{ used: string | null }>('SELECT SUM(size) AS used FROM doc_file_blobs');
  return Number(row?.used ?? 0);
}
