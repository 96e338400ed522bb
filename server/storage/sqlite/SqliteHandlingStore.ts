import type { CommitteeSession, Unit } from '../../../shared/api/handling';
import type { HandlingCase } from '../../../shared/domain/handling';
import type { DocId, SessionId, UnitId } from '../../../shared/domain/ids';
import type { CaseSaveOutcome, HandlingStore, SessionChange, UnitChange } from '../HandlingStore';
import { type CaseRow, type SessionRow, toCase, toSession, toUnit, type UnitRow } from '../rows/caseRows';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import { caseOf, replaceCase } from './sqliteCaseRows';

export interface SqliteHandlingStoreOptions {
  /** Path of the database file shared with the other stores; created when missing. */
  readonly path: string;
}

const CASE_ORDER = "ORDER BY session_id, number IS NULL, number, outcome = 'merged', doc_id";

/**
 * Units, sessions and handling cases in the shared SQLite file, on a connection of their own.
 * Owns `units` and `committee_sessions`; cases are written through `sqliteCaseRows`, which the
 * review store also runs when the office decides.
 */
export class SqliteHandlingStore implements HandlingStore {
  readonly #q: SqliteQueries;

  constructor(options: SqliteHandlingStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'handling store');
  }

  listUnits(): Promise<Unit[]> {
    return this.#q.read('list units', () =>
      this.#q.all<UnitRow>('SELECT * FROM units ORDER BY created_at, id').map(toUnit),
    );
  }

  createUnit(unit: Unit): Promise<Unit> {
    return this.#q.write('create a unit', () => {
      this.#assertUnitNameFree(unit.name, null);
      this.#q.run(
        'INSERT INTO units (id, name, is_active, created_at) VALUES (?, ?, ?, ?)',
        unit.id,
        unit.name,
        unit.isActive ? 1 : 0,
        unit.createdAt,
      );
      return unit;
    });
  }

  updateUnit(id: UnitId, change: UnitChange): Promise<Unit | null> {
    return this.#q.write('change a unit', () => {
      const row = this.#q.get<UnitRow>('SELECT * FROM units WHERE id = ?', id);
      if (row === undefined) {
        return null;
      }
      const next = { ...toUnit(row), ...change };
      this.#assertUnitNameFree(next.name, id);
      this.#q.run('UPDATE units SET name = ?, is_active = ? WHERE id = ?', next.name, next.isActive ? 1 : 0, id);
      return next;
    });
  }

  listSessions(): Promise<CommitteeSession[]> {
    return this.#q.read('list sessions', () =>
      this.#q.all<SessionRow>('SELECT * FROM committee_sessions ORDER BY created_at, id').map(toSession),
    );
  }

  createSession(session: CommitteeSession): Promise<CommitteeSession> {
    return this.#q.write('create a session', () => {
      this.#assertSessionNameFree(session.name, null);
      if (session.isCurrent) {
        this.#q.run('UPDATE committee_sessions SET is_current = 0');
      }
      this.#q.run(
        'INSERT INTO committee_sessions (id, name, call_deadline, is_current, created_at) VALUES (?, ?, ?, ?, ?)',
        session.id,
        session.name,
        session.callDeadline,
        session.isCurrent ? 1 : 0,
        session.createdAt,
      );
      return session;
    });
  }

  updateSession(id: SessionId, change: SessionChange): Promise<CommitteeSession | null> {
    return this.#q.write('change a session', () => {
      const row = this.#q.get<SessionRow>('SELECT * FROM committee_sessions WHERE id = ?', id);
      if (row === undefined) {
        return null;
      }
      const next = { ...toSession(row), ...change };
      this.#assertSessionNameFree(next.name, id);
      if (change.isCurrent === true) {
        this.#q.run('UPDATE committee_sessions SET is_current = 0');
      }
      this.#q.run(
        'UPDATE committee_sessions SET name = ?, call_deadline = ?, is_current = ? WHERE id = ?',
        next.name,
        next.callDeadline,
        next.isCurrent ? 1 : 0,
        id,
      );
      return next;
    });
  }

  currentSession(): Promise<CommitteeSession | null> {
    return this.#q.read('read the current session', () => {
      const row = this.#q.get<SessionRow>('SELECT * FROM committee_sessions WHERE is_current = 1');
      return row === undefined ? null : toSession(row);
    });
  }

  getCase(docId: DocId): Promise<HandlingCase | null> {
    return this.#q.read('read a case', () => caseOf(this.#q, docId));
  }

  listCases(): Promise<HandlingCase[]> {
    return this.#q.read('list cases', () =>
      this.#q.all<CaseRow>(`SELECT doc_id, data FROM handling_cases ${CASE_ORDER}`).map(toCase),
    );
  }

  casesOfUnit(unitId: UnitId): Promise<HandlingCase[]> {
    return this.#q.read('list a unit’s cases', () =>
      this.#q
        .all<CaseRow>(
          `SELECT doc_id, data FROM handling_cases WHERE doc_id IN (SELECT doc_id FROM case_units WHERE unit_id = ?) ${CASE_ORDER}`,
          unitId,
        )
        .map(toCase),
    );
  }

  claimReminder(key: string, at: number): Promise<boolean> {
    return this.#q.write('record a reminder', () => {
      return this.#q.run('INSERT OR IGNORE INTO sent_reminders (key, sent_at) VALUES (?, ?)', key, at).changes === 1;
    });
  }

  saveCase(next: HandlingCase): Promise<CaseSaveOutcome> {
    return this.#q.write('save a case', () => {
      if (replaceCase(this.#q, next)) {
        return 'saved';
      }
      return caseOf(this.#q, next.docId) === null ? 'missing' : 'conflict';
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }

  #assertUnitNameFree(name: string, except: UnitId | null): void {
    const row = this.#q.get<{ id: string }>('SELECT id FROM units WHERE name = ?', name);
    if (row !== undefined && row.id !== except) {
      throw new WorkspaceConflictError('unit_name', [name]);
    }
  }

  #assertSessionNameFree(name: string, except: SessionId | null): void {
    const row = this.#q.get<{ id: string }>('SELECT id FROM committee_sessions WHERE name = ?', name);
    if (row !== undefined && row.id !== except) {
      throw new WorkspaceConflictError('session_name', [name]);
    }
  }
}
