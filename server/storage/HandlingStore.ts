import type { CommitteeSession, Unit } from '../../shared/api/handling';
import type { HandlingCase } from '../../shared/domain/handling';
import type { DocId, SessionId, UnitId } from '../../shared/domain/ids';

/** What a unit's change may set. */
export interface UnitChange {
  readonly name?: string;
  readonly isActive?: boolean;
}

/** What a session's change may set; `isCurrent: true` makes every other session not current. */
export interface SessionChange {
  readonly name?: string;
  readonly callDeadline?: number | null;
  readonly isCurrent?: true;
}

/** What saving a changed case did. */
export type CaseSaveOutcome =
  | 'saved'
  /** Another change was saved first (the stored version is not the one before this): read again and redo. */
  | 'conflict'
  | 'missing';

/**
 * The committee's handling units and sessions, and the cases of decided proposals
 * (shared/domain/handling.ts). A case is created by the office's decision, in the transition's
 * own transaction (ReviewStore.applyTransition with `filing`, which numbers it without gaps);
 * this store reads cases and saves their changes, each on the version it was read at, and keeps
 * the units a case is handed to for the access check (DocRecordStore.getAccessRecord).
 * Adapters: SQLite (the embedded default) and PostgreSQL, one contract suite.
 */
export interface HandlingStore {
  listUnits(): Promise<Unit[]>;
  /** Throws WorkspaceConflictError (`unit`) when the name is taken. */
  createUnit(unit: Unit): Promise<Unit>;
  /** Null when there is no such unit; throws WorkspaceConflictError (`unit`) when the new name is taken. */
  updateUnit(id: UnitId, change: UnitChange): Promise<Unit | null>;
  listSessions(): Promise<CommitteeSession[]>;
  /** With `isCurrent`, every other session stops being current. Throws WorkspaceConflictError (`session`) on a taken name. */
  createSession(session: CommitteeSession): Promise<CommitteeSession>;
  updateSession(id: SessionId, change: SessionChange): Promise<CommitteeSession | null>;
  /** The current session; null when none is. */
  currentSession(): Promise<CommitteeSession | null>;
  getCase(docId: DocId): Promise<HandlingCase | null>;
  /** Every case, filed ones by session and number first. */
  listCases(): Promise<HandlingCase[]>;
  /** The cases handed to a unit (declined ones left out). */
  casesOfUnit(unitId: UnitId): Promise<HandlingCase[]>;
  /**
   * Records that the reminder `key` is sent; true for the one caller that recorded it first, false
   * for every other (another process sent it already).
   */
  claimReminder(key: string, at: number): Promise<boolean>;
  /** Saves a changed case when the stored one is at `next.version - 1`, and its handling units with it. */
  saveCase(next: HandlingCase): Promise<CaseSaveOutcome>;
  close(): Promise<void>;
}
