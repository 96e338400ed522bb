import { type CommitteeSession, handlingCaseSchema, type Unit } from '../../../shared/api/handling';
import { CaseOutcome, type HandlingCase, handlingUnitIds } from '../../../shared/domain/handling';
import { parseSessionId, parseUnitId } from '../../../shared/domain/ids';
import { need, needJson } from './rowChecks';

/**
 * Rows of the handling tables (`units`, `committee_sessions`, `handling_cases`, `case_units`) as
 * both SQL adapters read them, and their conversion. A case is stored as JSON beside the columns
 * the queries need (session, outcome, number, version); read back, it is checked against the
 * API's case schema.
 */

export interface UnitRow {
  id: string;
  name: string;
  is_active: number;
  created_at: number;
}

export interface SessionRow {
  id: string;
  name: string;
  call_deadline: number | null;
  is_current: number;
  created_at: number;
}

export interface CaseRow {
  doc_id: string;
  data: string;
}

export function toUnit(row: UnitRow): Unit {
  return {
    id: need(parseUnitId(row.id), 'units', row.id, 'id'),
    name: row.name,
    isActive: row.is_active !== 0,
    createdAt: row.created_at,
  };
}

export function toSession(row: SessionRow): CommitteeSession {
  return {
    id: need(parseSessionId(row.id), 'committee_sessions', row.id, 'id'),
    name: row.name,
    callDeadline: row.call_deadline,
    isCurrent: row.is_current !== 0,
    createdAt: row.created_at,
  };
}

export function toCase(row: CaseRow): HandlingCase {
  return needJson(handlingCaseSchema, row.data, 'handling_cases', row.doc_id, 'data');
}

/** The columns of a case row, in the order of CASE_COLUMNS. */
export const CASE_COLUMNS = 'doc_id, session_id, outcome, number, version, data';

export function caseValues(stored: HandlingCase): [string, string, string, number | null, number, string] {
  return [stored.docId, stored.sessionId, stored.outcome, stored.number, stored.version, JSON.stringify(stored)];
}

/** The units that read a case's proposal (P16): none unless it is filed. */
export function caseUnitIds(stored: HandlingCase): readonly string[] {
  return stored.outcome === CaseOutcome.filed ? handlingUnitIds(stored) : [];
}
