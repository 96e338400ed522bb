import type { Cosigner, DocRecord, LastReturn } from '../../../shared/api/schemas';
import { parseUnitId, type UnitId } from '../../../shared/domain/ids';
import { type DocId, type DocStatus, parseDocStatus, parseUserId, type UserId } from '../../../shared/index';
import type { DocAccessRecord, NewDocument } from '../DocRecordStore';
import type { AuthorRecord, DocumentSummary } from '../DocStore';
import { type DocumentRow, toAccessRecord, toDocRecord } from '../rows/documentRows';
import { type CosignerRow, type EventRow, lastReturnsOf, toCosigner } from '../rows/reviewRows';
import { groupBy, idsByKey, need } from '../rows/rowChecks';
import type { PgQueries } from './pgQueries';

/**
 * The only SQL that writes the `documents` and `doc_authors` tables in PostgreSQL, as
 * sqlite/sqliteDocumentRows.ts is in SQLite. PgDocRecordStore runs it; the relay's batches
 * (PgDocStore: titles, last changes, authors) and the review store (status, time of a change)
 * run the writers they need inside their own transactions. Text is ordered with COLLATE "C" (by
 * code point), as SQLite orders it.
 */

/** Authors of one document (or all), the creator first, then in the order they first wrote. */
async function authorsByDocument(q: PgQueries, docId: DocId | null): Promise<Map<string, UserId[]>> {
  const rows = await q.all<{ key: string; id: string }>(
    `SELECT a.doc_id AS key, a.user_id AS id FROM doc_authors a JOIN documents d ON d.id = a.doc_id
     WHERE $1::text IS NULL OR a.doc_id = $1
     ORDER BY a.doc_id COLLATE "C", a.user_id IS NOT DISTINCT FROM d.created_by DESC, a.first_at,
              a.user_id COLLATE "C"`,
    docId,
  );
  return idsByKey(rows, parseUserId);
}

/**
 * Co-signers of one document (or all, in one query), in the order they were first asked or
 * signed (`seq`, SQLite's rowid). Lists read them without the signed snapshots (null).
 */
async function cosignersByDocument(
  q: PgQueries,
  docId: DocId | null,
  withSnapshots: boolean,
): Promise<Map<string, Cosigner[]>> {
  const rows = await q.all<CosignerRow>(
    `SELECT doc_id, user_id, state, invited_by, invited_at, signed_at,
            CASE WHEN $1 THEN snapshot END AS snapshot
     FROM doc_cosigners WHERE $2::text IS NULL OR doc_id = $2 ORDER BY doc_id COLLATE "C", seq`,
    withSnapshots,
    docId,
  );
  return groupBy(rows.map((row) => ({ key: row.doc_id, value: toCosigner(row) })));
}

/** The last return of one document (or of all, in one query): its `returned` event with the highest `seq`. */
async function lastReturnsByDocument(q: PgQueries, docId: DocId | null): Promise<Map<string, LastReturn>> {
  const rows = await q.all<EventRow>(
    `SELECT id, doc_id, type, actor_id, at, reason, version_id, subject_id, from_status, to_status
     FROM doc_events WHERE type = 'returned' AND ($1::text IS NULL OR doc_id = $1) ORDER BY doc_id COLLATE "C", seq`,
    docId,
  );
  return lastReturnsOf(rows);
}

/** The units each filed document (or one) is handed to and that did not decline it (P16). */
async function handlingUnitsByDocument(q: PgQueries, docId: DocId | null): Promise<Map<string, UnitId[]>> {
  const rows = await q.all<{ key: string; id: string }>(
    'SELECT doc_id AS key, unit_id AS id FROM case_units WHERE $1::text IS NULL OR doc_id = $1 ORDER BY doc_id COLLATE "C", unit_id COLLATE "C"',
    docId,
  );
  return idsByKey(rows, parseUnitId);
}

/** The fields of the document's record that access is decided on; null when it is not registered. */
export async function accessRecordById(q: PgQueries, id: DocId): Promise<DocAccessRecord | null> {
  const row = await q.get<DocumentRow>('SELECT * FROM documents WHERE id = $1', id);
  return row === undefined ? null : toAccessRecord(row, (await handlingUnitsByDocument(q, id)).get(id) ?? []);
}

/**
 * The document's record with its authors, co-signers and last return; null when it is not registered. The
 * co-signers' signed snapshots (large) are read only `withSnapshots`.
 */
export async function documentById(q: PgQueries, id: DocId, withSnapshots = false): Promise<DocRecord | null> {
  const row = await q.get<DocumentRow>('SELECT * FROM documents WHERE id = $1', id);
  if (row === undefined) {
    return null;
  }
  const authors = await authorsByDocument(q, id);
  const cosigners = await cosignersByDocument(q, id, withSnapshots);
  const lastReturns = await lastReturnsByDocument(q, id);
  const units = await handlingUnitsByDocument(q, id);
  return toDocRecord(
    row,
    authors.get(id) ?? [],
    cosigners.get(id) ?? [],
    lastReturns.get(id) ?? null,
    units.get(id) ?? [],
  );
}

/** Every registered document, most recently changed first; co-signers without their snapshots. */
export async function allDocuments(q: PgQueries): Promise<DocRecord[]> {
  const authors = await authorsByDocument(q, null);
  const cosigners = await cosignersByDocument(q, null, false);
  const lastReturns = await lastReturnsByDocument(q, null);
  const units = await handlingUnitsByDocument(q, null);
  const rows = await q.all<DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id COLLATE "C"');
  return rows.map((row) =>
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
export async function insertDocument(
  q: PgQueries,
  doc: NewDocument,
): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }> {
  const existing = await documentById(q, doc.id);
  if (existing !== null) {
    return { isCreated: false, record: existing };
  }
  await q.run(
    `INSERT INTO documents
       (id, title, kind, group_id, status, is_archived, created_by, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, 'draft', 0, $5, $6, $6, $5)`,
    doc.id,
    doc.title,
    doc.kind,
    doc.groupId,
    doc.createdBy,
    doc.createdAt,
  );
  await recordAuthors(q, [{ docId: doc.id, userId: doc.createdBy, at: doc.createdAt }]);
  const record = await documentById(q, doc.id);
  if (record === null) {
    throw new Error(`Cannot register document ${doc.id}: it is not there after the insert`);
  }
  return { isCreated: true, record };
}

/**
 * Refreshes what the content says of registered documents, in one statement; a summary never
 * creates a record.
 */
export async function writeSummaries(q: PgQueries, summaries: readonly DocumentSummary[]): Promise<void> {
  if (summaries.length === 0) {
    return;
  }
  await q.run(
    `UPDATE documents d SET title = s.title, updated_at = s.updated_at, updated_by = coalesce(s.updated_by, d.updated_by),
       fields = coalesce(s.fields, d.fields)
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[]) AS s (id, title, updated_at, updated_by, fields)
     WHERE d.id = s.id`,
    summaries.map((summary) => summary.id),
    summaries.map((summary) => summary.title),
    summaries.map((summary) => summary.updatedAt),
    summaries.map((summary) => summary.updatedBy),
    summaries.map((summary) => (summary.fields === undefined ? null : JSON.stringify(summary.fields))),
  );
}

/**
 * Records authors of documents, in one statement; one already recorded keeps the time of their
 * first change.
 */
export async function recordAuthors(q: PgQueries, authors: readonly AuthorRecord[]): Promise<void> {
  if (authors.length === 0) {
    return;
  }
  await q.run(
    `INSERT INTO doc_authors (doc_id, user_id, first_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`,
    authors.map((author) => author.docId),
    authors.map((author) => author.userId),
    authors.map((author) => author.at),
  );
}

/** Whether a document with this id is registered. */
export async function isDocumentRegistered(q: PgQueries, id: DocId): Promise<boolean> {
  return (await q.get('SELECT 1 FROM documents WHERE id = $1', id)) !== undefined;
}

/** The document's status; null when it is not registered. */
export async function documentStatus(q: PgQueries, id: DocId): Promise<DocStatus | null> {
  const row = await q.get<{ status: string }>('SELECT status FROM documents WHERE id = $1', id);
  return row === undefined ? null : need(parseDocStatus(row.status), 'documents', id, 'status');
}

/** Moves a document to `status` (the caller checked the transition). */
export async function setDocumentStatus(q: PgQueries, id: DocId, status: DocStatus): Promise<void> {
  await q.run('UPDATE documents SET status = $1 WHERE id = $2', status, id);
}

/**
 * Marks the record changed (status, co-signers, archive flag) at `at`, and always later than
 * before, so a client that keeps the newer of two copies of a record by `updatedAt` keeps this one.
 */
export async function touchDocument(q: PgQueries, id: DocId, at: number): Promise<void> {
  await q.run('UPDATE documents SET updated_at = greatest(updated_at + 1, $1) WHERE id = $2', at, id);
}

/** Archives or restores a document, changed at `at` (see touchDocument). */
export async function setArchived(q: PgQueries, id: DocId, isArchived: boolean, at: number): Promise<void> {
  await q.run('UPDATE documents SET is_archived = $1 WHERE id = $2', isArchived ? 1 : 0, id);
  await touchDocument(q, id, at);
}
