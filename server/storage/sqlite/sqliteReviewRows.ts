import type { Cosigner, LastReturn } from '../../../shared/api/schemas';
import { type DocId, REVIEW_EVENTS, WORKFLOW } from '../../../shared/index';
import { type CosignerRow, type EventRow, lastReturnsOf, toCosigner } from '../rows/reviewRows';
import { groupBy } from '../rows/rowChecks';
import type { SqliteQueries } from './SqliteQueries';

/** Whether a reviewer acted on the document's last submission: a REVIEW_EVENTS event after its last submit (P15). */
export function isReviewedSinceSubmit(q: SqliteQueries, docId: DocId): boolean {
  const row = q.get<{ found: number }>(
    `SELECT 1 AS found FROM doc_events
     WHERE doc_id = ? AND type IN (SELECT value FROM json_each(?))
       AND seq > COALESCE((SELECT MAX(seq) FROM doc_events WHERE doc_id = ? AND type = ?), 0)
     LIMIT 1`,
    docId,
    JSON.stringify(REVIEW_EVENTS),
    docId,
    WORKFLOW.submit.event,
  );
  return row !== undefined;
}

/**
 * Co-signers of one document (or all, in one query), in the order they were first asked or
 * signed. Lists read them without the signed snapshots (null), which only the activity needs.
 * Document records are read with them (sqliteDocumentRows).
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

/**
 * The last return of one document (or of all, in one query): its `returned` event with the
 * highest sequence number. Document records are read with it (sqliteDocumentRows).
 */
export function lastReturnsByDocument(q: SqliteQueries, docId: DocId | null): Map<string, LastReturn> {
  const rows = q.all<EventRow>(
    `SELECT id, doc_id, type, actor_id, at, reason, version_id, subject_id, from_status, to_status
     FROM doc_events WHERE type = 'returned' AND (? IS NULL OR doc_id = ?) ORDER BY doc_id, seq`,
    docId,
    docId,
  );
  return lastReturnsOf(rows);
}
