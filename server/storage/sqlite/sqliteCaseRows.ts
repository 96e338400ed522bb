import { CaseOutcome, type HandlingCase } from '../../../shared/domain/handling';
import type { DocId } from '../../../shared/domain/ids';
import { CASE_COLUMNS, type CaseRow, caseUnitIds, caseValues, toCase } from '../rows/caseRows';
import type { SqliteQueries } from './SqliteQueries';

/**
 * The one SQL that writes `handling_cases` and `case_units`, run by SqliteHandlingStore and,
 * inside a transition's own transaction, by SqliteReviewStore: the office's decision and the
 * case it opens are stored together, and a filed number is taken in the same write, so numbers
 * within a session have no gap and no repeat.
 */

export function caseOf(q: SqliteQueries, docId: DocId): HandlingCase | null {
  const row = q.get<CaseRow>('SELECT doc_id, data FROM handling_cases WHERE doc_id = ?', docId);
  return row === undefined ? null : toCase(row);
}

function writeUnits(q: SqliteQueries, stored: HandlingCase): void {
  q.run('DELETE FROM case_units WHERE doc_id = ?', stored.docId);
  for (const unitId of caseUnitIds(stored)) {
    q.run('INSERT INTO case_units (doc_id, unit_id) VALUES (?, ?)', stored.docId, unitId);
  }
}

/** Replaces a stored case by `next` when it is at `next.version - 1`; false otherwise. */
export function replaceCase(q: SqliteQueries, next: HandlingCase): boolean {
  const [, sessionId, outcome, number, version, data] = caseValues(next);
  const changes = q.run(
    'UPDATE handling_cases SET session_id = ?, outcome = ?, number = ?, version = ?, data = ? WHERE doc_id = ? AND version = ?',
    sessionId,
    outcome,
    number,
    version,
    data,
    next.docId,
    next.version - 1,
  ).changes;
  if (changes === 0) {
    return false;
  }
  writeUnits(q, next);
  return true;
}

/**
 * Stores the case the office's decision opens: a filed one takes the session's next number; one
 * merged into a filed case shares its number and is added to its merged proposals.
 */
export function insertFiling(q: SqliteQueries, opened: HandlingCase): HandlingCase {
  let stored = opened;
  if (opened.outcome === CaseOutcome.filed) {
    const row = q.get<{ last: number | null }>(
      "SELECT MAX(number) AS last FROM handling_cases WHERE session_id = ? AND outcome = 'filed'",
      opened.sessionId,
    );
    stored = { ...opened, number: (row?.last ?? 0) + 1 };
  } else if (opened.outcome === CaseOutcome.merged && opened.mergedInto !== null) {
    const target = caseOf(q, opened.mergedInto);
    if (target === null || target.outcome !== CaseOutcome.filed) {
      throw new Error(`Cannot merge ${opened.docId}: ${opened.mergedInto} is not a filed proposal`);
    }
    stored = { ...opened, number: target.number, sessionId: target.sessionId };
    const joined: HandlingCase = {
      ...target,
      mergedDocIds: [...target.mergedDocIds, opened.docId],
      log: [
        ...target.log,
        { type: 'merged_in', at: opened.decidedAt, actorId: opened.decidedBy, unitId: null, note: opened.docId },
      ],
      version: target.version + 1,
    };
    replaceCase(q, joined);
  }
  q.run(`INSERT INTO handling_cases (${CASE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, ...caseValues(stored));
  writeUnits(q, stored);
  return stored;
}
