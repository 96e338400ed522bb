import type { DocRecord } from '../../../shared/api/schemas';
import { parseUnitId, type UnitId } from '../../../shared/domain/ids';
import { type DocId, type DocStatus, parseDocStatus, parseUserId, type UserId } from '../../../shared/index';
import type { DocAccessRecord, NewDocument } from '../DocRecordStore';
import type { AuthorRecord, DocumentSummary } from '../DocStore';
import { type DocumentRow, toAccessRecord, toDocRecord } from '../rows/documentRows';
import { idsByKey, need } from '../rows/rowChecks';
import type { SqliteQueries } from './SqliteQueries';
import { cosignersByDocument, lastReturnsByDocument } from './sqliteReviewRows';

/**
 * The only SQL that writes the `documents` and `doc_authors` tables. SqliteDocRecordStore runs it;
 * the relay's batches (SqliteDocStore: titles, last changes, authors) and the review store
 * (SqliteReviewStore: status, time of a change) run the writers they need inside their own
 * transactions. Each function runs inside the caller's read or write.
 */

/** Authors of one document (or all), the creator first, then in the order they first wrote. */
function authorsByDocument(q: SqliteQueries, docId: DocId | null): Map<string, UserId[]> {
  const rows = q.all<{ key: string; id: string }>(
    `SELECT a.doc_id AS key, a.user_id AS id FROM doc_authors a JOIN documents d ON d.id = a.doc_id
     WHERE ? IS NULL OR a.doc_id = ?
     ORDER BY a.doc_id, a.user_id IS d.created_by DESC, a.first_at, a.user_id`,
    docId,
    docId,
  );
  return idsByKey(rows, parseUserId);
}

/** The units each filed document (or one) is handed to and that did not decline it (P16). */
function handlingUnitsByDocument(q: SqliteQueries, docId: DocId | null): Map<string, UnitId[]> {
  const rows = q.all<{ key: string; id: string }>(
    'SELECT doc_id AS key, unit_id AS id FROM case_units WHERE ? IS NULL OR doc_id = ? ORDER BY doc_id, unit_id',
    docId,
    docId,
  );
  return idsByKey(rows, parseUnitId);
}

/** The fields of the document's record that access is decided on; null when it is not registered. */
export function accessRecordById(q: SqliteQueries, id: DocId): DocAccessRecord | null {
  const row = q.get<DocumentRow>('SELECT * FROM documents WHERE id = ?', id);
  return row === undefined ? null : toAccessRecord(row, handlingUnitsByDocument(q, id).get(id) ?? []);
}

/**
 * The document's record with its authors, co-signers and last return; null when it is not
 * registered. The co-signers' signed snapshots (large) are read only `withSnapshots`.
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
    lastReturnsByDocument(q, id).get(id) ?? null,
    handlingUnitsByDocument(q, id).get(id) ?? [],
  );
}

/** Every registered document, most recently changed first; co-signers without their snapshots. */
export function allDocuments(q: SqliteQueries): DocRecord[] {
  const authors = authorsByDocument(q, null);
  const cosigners = cosignersByDocument(q, null, false);
  const lastReturns = lastReturnsByDocument(q, null);
  const units = handlingUnitsByDocument(q, null);
  return q
    .all<DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id')
    .map((row) =>
      toDocRecord(
        row,
        authors.get(row.id) ?? [],
        cosigners.get(row.id) ?? [],
        lastReturns.get(row.id) ?? null,
        units.get(row.id) ?? [],
      ),
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
  recordAuthor(q, { docId: doc.id, userId: doc.createdBy, at: doc.createdAt });
  const record = documentById(q, doc.id);
  if (record === null) {
    throw new Error(`Cannot register document ${doc.id}: it is not there after the insert`);
  }
  return { isCreated: true, record };
}

/**
 * Writes what the content says of a registered document: its title and fields, when and (when
 * known) by whom it last changed. Never creates a record: the HTTP API registers documents.
 */
export function writeSummary(q: SqliteQueries, summary: DocumentSummary): void {
  q.run(
    `UPDATE documents SET title = ?, updated_at = ?, updated_by = coalesce(?, updated_by), fields = coalesce(?, fields)
     WHERE id = ?`,
    summary.title,
    summary.updatedAt,
    summary.updatedBy,
    summary.fields === undefined ? null : JSON.stringify(summary.fields),
    summary.id,
  );
}

/** Records an author of a document; one already recorded keeps the time of their first change. */
export function recordAuthor(q: SqliteQueries, author: AuthorRecord): void {
  q.run(
    'INSERT OR IGNORE INTO doc_authors (doc_id, user_id, first_at) VALUES (?, ?, ?)',
    author.docId,
    author.userId,
    author.at,
  );
}

/** Whether a document with this id is registered. */
export function isDocumentRegistered(q: SqliteQueries, id: DocId): boolean {
  return q.get('SELECT 1 FROM documents WHERE id = ?', id) !== undefined;
}

/** The document's status; null when it is not registered. */
export function documentStatus(q: SqliteQueries, id: DocId): DocStatus | null {
  const row = q.get<{ status: string }>('SELECT status FROM documents WHERE id = ?', id);
  return row === undefined ? null : need(parseDocStatus(row.status), 'documents', id, 'status');
}

/** Moves a document to `status` (the caller checked the transition). */
export function setDocumentStatus(q: SqliteQueries, id: DocId, status: DocStatus): void {
  q.run('UPDATE documents SET status = ? WHERE id = ?', status, id);
}

/**
 * Marks the record changed (status, co-signers, archive flag) at `at`, and always later than
 * before, so a client that keeps the newer of two copies of a record by `updatedAt` keeps this one.
 */
export function touchDocument(q: SqliteQueries, id: DocId, at: number): void {
  q.run('UPDATE documents SET updated_at = max(updated_at + 1, ?) WHERE id = ?', at, id);
}

/** Archives or restores a document, changed at `at` (see touchDocument). */
export function setArchived(q: SqliteQueries, id: DocId, isArchived: boolean, at: number): void {
  q.run('UPDATE documents SET is_archived = ? WHERE id = ?', isArchived ? 1 : 0, id);
  touchDocument(q, id, at);
}
