import type { Cosigner, DocRecord } from '../../shared/api/schemas';
import { type DocId, parseUserId, type UserId } from '../../shared/index';
import type { SqliteQueries } from './SqliteQueries';
import { type CosignerRow, toCosigner } from './sqliteReviewRows';
import { type DocumentRow, groupBy, toDocRecord } from './sqliteWorkspaceRows';
import type { NewDocument } from './WorkspaceStore';

/** Queries on document records for SqliteWorkspaceStore; each runs inside the caller's read or write. */

/**
 * The document's record with its authors and co-signers; null when it is not registered. The
 * co-signers' signed snapshots (large) are read only `withSnapshots`.
 */
export function documentById(q: SqliteQueries, id: DocId, withSnapshots = false): DocRecord | null {
  const row = q.get<DocumentRow>('SELECT * FROM documents WHERE id = ?', id);
  if (row === undefined) {
    return null;
  }
  return toDocRecord(
    row,
    authorsByDocument(q, id).get(id) ?? [],
    cosignersByDocument(q, id, withSnapshots).get(id) ?? [],
  );
}

/**
 * Co-signers of one document (or all, in one query), in the order they were first asked or
 * signed. Lists read them without the signed snapshots (null), which only the activity needs.
 */
export function cosignersByDocument(
  q: SqliteQueries,
  docId: DocId | null,
  withSnapshots: boolean,
): Map<string, Cosigner[]> {
  const rows = q.all<CosignerRow>(
    `SELECT doc_id, user_id, state, invited_by, invited_at, signed_at,
            CASE WHEN ? THEN snapshot END AS snapshot
     FROM doc_cosigners WHERE ? IS NULL OR doc_id = ? ORDER BY doc_id, rowid`,
    withSnapshots ? 1 : 0,
    docId,
    docId,
  );
  return groupBy(rows.map((row) => ({ key: row.doc_id, value: toCosigner(row) })));
}

/** Authors of one document (or all), the creator first, then in the order they first wrote. */
export function authorsByDocument(q: SqliteQueries, docId: DocId | null): Map<string, UserId[]> {
  const rows = q.all<{ doc_id: string; user_id: string }>(
    `SELECT a.doc_id, a.user_id FROM doc_authors a JOIN documents d ON d.id = a.doc_id
     WHERE ? IS NULL OR a.doc_id = ?
     ORDER BY a.doc_id, a.user_id IS d.created_by DESC, a.first_at, a.user_id`,
    docId,
    docId,
  );
  return groupBy(
    rows.flatMap((r) => (parseUserId(r.user_id) === null ? [] : [{ key: r.doc_id, value: r.user_id as UserId }])),
  );
}

/** Registers a document with its creator as first author; an existing id is answered as stored. */
export function insertDocument(
  q: SqliteQueries,
  doc: NewDocument,
): { readonly isCreated: boolean; readonly record: DocRecord } {
  const existing = documentById(q, doc.id);
  if (existing !== null) {
    return { isCreated: false, record: existing };
  }
  q.run(
    `INSERT INTO documents
       (id, title, kind, group_id, status, is_archived, created_by, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'draft', 0, ?, ?, ?, ?)`,
    doc.id,
    doc.title,
    doc.kind,
    doc.groupId,
    doc.createdBy,
    doc.createdAt,
    doc.createdAt,
    doc.createdBy,
  );
  q.run(
    'INSERT OR IGNORE INTO doc_authors (doc_id, user_id, first_at) VALUES (?, ?, ?)',
    doc.id,
    doc.createdBy,
    doc.createdAt,
  );
  const record = documentById(q, doc.id);
  if (record === null) {
    throw new Error(`Cannot register document ${doc.id}: it is not there after the insert`);
  }
  return { isCreated: true, record };
}

/** Every registered document, most recently changed first; co-signers without their snapshots. */
export function allDocuments(q: SqliteQueries): DocRecord[] {
  const authors = authorsByDocument(q, null);
  const cosigners = cosignersByDocument(q, null, false);
  return q
    .all<DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id')
    .map((row) => toDocRecord(row, authors.get(row.id) ?? [], cosigners.get(row.id) ?? []));
}
