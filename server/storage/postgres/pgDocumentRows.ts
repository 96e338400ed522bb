import type { AuthorRecord, DocumentSummary } from '../DocStore';
import type { PgQueries } from './pgQueries';

/**
 * The only SQL that writes the `documents` and `doc_authors` tables in PostgreSQL, as
 * sqlite/sqliteDocumentRows.ts is in SQLite. Other stores call these inside their own
 * transactions.
 */

/** Refreshes what the content says of a registered document; a summary never creates a record. */
export async function writeSummary(q: PgQueries, summary: DocumentSummary): Promise<void> {
  await q.run(
    'UPDATE documents SET title = $1, updated_at = $2, updated_by = coalesce($3, updated_by) WHERE id = $4',
    summary.title,
    summary.updatedAt,
    summary.updatedBy,
    summary.id,
  );
}

/** Records an author of a document; one already recorded keeps the time of their first change. */
export async function recordAuthor(q: PgQueries, author: AuthorRecord): Promise<void> {
  await q.run(
    'INSERT INTO doc_authors (doc_id, user_id, first_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    author.docId,
    author.userId,
    author.at,
  );
}
