import { CaseOutcome, type HandlingCase } from '../../../shared/domain/handling';
import type { DocId } from '../../../shared/domain/ids';
import { CASE_COLUMNS, type CaseRow, caseUnitIds, caseValues, toCase } from '../rows/caseRows';
import type { PgQueries } from './pgQueries';

/**
 * The one SQL that writes `handling_cases` and `case_units` on PostgreSQL, run by PgHandlingStore
 * and, inside a transition's own transaction, by PgReviewStore. Both take the records' advisory
 * lock, so two secretariats filing at once in two processes take numbers one after the other.
 */

export async function caseOf(q: PgQueries, docId: DocId): Promise<HandlingCase | null> {
  const row = await q.get<CaseRow>('SELECT doc_id, data FROM handling_cases WHERE doc_id = $1', docId);
  return row === undefined ? null : toCase(row);
}

async function writeUnits(q: PgQueries, stored: HandlingCase): Promise<void> {
  await q.run('DELETE FROM case_units WHERE doc_id = $1', stored.docId);
  const unitIds = caseUnitIds(stored);
  if (unitIds.length > 0) {
    await q.run(
      'INSERT INTO case_units (doc_id, unit_id) SELECT $1, unnest($2::text[])',
      stored.docId,
      unitIds as string[],
    );
  }
}

/** Replaces a stored case by `next` when it is at `next.version - 1`; false otherwise. */
export async function replaceCase(q: PgQueries, next: HandlingCase): Promise<boolean> {
  const [, sessionId, outcome, number, version, data] = caseValues(next);
  const changes = await q.run(
    'UPDATE handling_cases SET session_id = $1, outcome = $2, number = $3, version = $4, data = $5 WHERE doc_id = $6 AND version = $7',
    sessionId,
    outcome,
    number,
    version,
    data,
    next.docId,
    next.version - 1,
  );
  if (changes === 0) {
    return false;
  }
  await writeUnits(q, next);
  return true;
}

/**
 * Stores the case the office's decision opens: a filed one takes the session's next number; one
 * merged into a filed case shares its number and is added to its merged proposals.
 */
export async function insertFiling(q: PgQueries, opened: HandlingCase): Promise<HandlingCase> {
  let stored = opened;
  if (opened.outcome === CaseOutcome.filed) {
    const row = await q.get<{ last: number | null }>(
      "SELECT MAX(number) AS last FROM handling_cases WHERE session_id = $1 AND outcome = 'filed'",
      opened.sessionId,
    );
    stored = { ...opened, number: Number(row?.last ?? 0) + 1 };
  } else if (opened.outcome === CaseOutcome.merged && opened.mergedInto !== null) {
    const target = await caseOf(q, opened.mergedInto);
    if (target === null || target.outcome !== CaseOutcome.filed) {
      throw new Error(`Cannot merge ${opened.docId}: ${opened.mergedInto} is not a filed proposal`);
    }
    stored = { ...opened, number: target.number, sessionId: target.sessionId };
    await replaceCase(q, {
      ...target,
      mergedDocIds: [...target.mergedDocIds, opened.docId],
      log: [
        ...target.log,
        { type: 'merged_in', at: opened.decidedAt, actorId: opened.decidedBy, unitId: null, note: opened.docId },
      ],
      version: target.version + 1,
    });
  }
  await q.run(`INSERT INTO handling_cases (${CASE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, ...caseValues(stored));
  await writeUnits(q, stored);
  return stored;
}
