import type { CommitteeSession, Unit } from '../../../shared/api/handling';
import type { HandlingCase } from '../../../shared/domain/handling';
import type { DocId, SessionId, UnitId } from '../../../shared/domain/ids';
import type { CaseSaveOutcome, HandlingStore, SessionChange, UnitChange } from '../HandlingStore';
import { type CaseRow, type SessionRow, toCase, toSession, toUnit, type UnitRow } from '../rows/caseRows';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import { PgDatabase } from './PgDatabase';
import { caseOf, replaceCase } from './pgCaseRows';
import type { PgQueries } from './pgQueries';

export interface PgHandlingStoreOptions {
  /** A PostgreSQL connection string (DATABASE_URL). */
  readonly url: string;
  /** The schema of the tables; `public` by default (tests give each their own). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

const CASE_ORDER = "ORDER BY session_id, number IS NULL, number, outcome = 'merged', doc_id";

async function assertNameFree(
  q: PgQueries,
  table: 'units' | 'committee_sessions',
  name: string,
  except: string | null,
): Promise<void> {
  const row = await q.get<{ id: string }>(`SELECT id FROM ${table} WHERE name = $1`, name);
  if (row !== undefined && row.id !== except) {
    throw new WorkspaceConflictError(table === 'units' ? 'unit_name' : 'session_name', [name]);
  }
}

/**
 * Units, sessions and handling cases on PostgreSQL. Owns `units` and `committee_sessions`; cases
 * are written through `pgCaseRows`, which the review store also runs when the office decides.
 * Every write takes the records' advisory lock.
 */
export class PgHandlingStore implements HandlingStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  static async open(options: PgHandlingStoreOptions): Promise<PgHandlingStore> {
    return new PgHandlingStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'handling store',
      }),
    );
  }

  listUnits(): Promise<Unit[]> {
    return this.#db.read('list units', async (q) =>
      (await q.all<UnitRow>('SELECT * FROM units ORDER BY created_at, id')).map(toUnit),
    );
  }

  createUnit(unit: Unit): Promise<Unit> {
    return this.#db.write('create a unit', async (q) => {
      await assertNameFree(q, 'units', unit.name, null);
      await q.run(
        'INSERT INTO units (id, name, is_active, created_at) VALUES ($1, $2, $3, $4)',
        unit.id,
        unit.name,
        unit.isActive ? 1 : 0,
        unit.createdAt,
      );
      return unit;
    });
  }

  updateUnit(id: UnitId, change: UnitChange): Promise<Unit | null> {
    return this.#db.write('change a unit', async (q) => {
      const row = await q.get<UnitRow>('SELECT * FROM units WHERE id = $1', id);
      if (row === undefined) {
        return null;
      }
      const next = { ...toUnit(row), ...change };
      await assertNameFree(q, 'units', next.name, id);
      await q.run('UPDATE units SET name = $1, is_active = $2 WHERE id = $3', next.name, next.isActive ? 1 : 0, id);
      return next;
    });
  }

  listSessions(): Promise<CommitteeSession[]> {
    return this.#db.read('list sessions', async (q) =>
      (await q.all<SessionRow>('SELECT * FROM committee_sessions ORDER BY created_at, id')).map(toSession),
    );
  }

  createSession(session: CommitteeSession): Promise<CommitteeSession> {
    return this.#db.write('create a session', async (q) => {
      await assertNameFree(q, 'committee_sessions', session.name, null);
      if (session.isCurrent) {
        await q.run('UPDATE committee_sessions SET is_current = 0');
      }
      await q.run(
        'INSERT INTO committee_sessions (id, name, call_deadline, is_current, created_at) VALUES ($1, $2, $3, $4, $5)',
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
    return this.#db.write('change a session', async (q) => {
      const row = await q.get<SessionRow>('SELECT * FROM committee_sessions WHERE id = $1', id);
      if (row === undefined) {
        return null;
      }
      const next = { ...toSession(row), ...change };
      await assertNameFree(q, 'committee_sessions', next.name, id);
      if (change.isCurrent === true) {
        await q.run('UPDATE committee_sessions SET is_current = 0');
      }
      await q.run(
        'UPDATE committee_sessions SET name = $1, call_deadline = $2, is_current = $3 WHERE id = $4',
        next.name,
        next.callDeadline,
        next.isCurrent ? 1 : 0,
        id,
      );
      return next;
    });
  }

  currentSession(): Promise<CommitteeSession | null> {
    return this.#db.read('read the current session', async (q) => {
      const row = await q.get<SessionRow>('SELECT * FROM committee_sessions WHERE is_current = 1');
      return row === undefined ? null : toSession(row);
    });
  }

  getCase(docId: DocId): Promise<HandlingCase | null> {
    return this.#db.read('read a case', (q) => caseOf(q, docId));
  }

  listCases(): Promise<HandlingCase[]> {
    return this.#db.read('list cases', async (q) =>
      (await q.all<CaseRow>(`SELECT doc_id, data FROM handling_cases ${CASE_ORDER}`)).map(toCase),
    );
  }

  casesOfUnit(unitId: UnitId): Promise<HandlingCase[]> {
    return this.#db.read('list a unit’s cases', async (q) =>
      (
        await q.all<CaseRow>(
          `SELECT doc_id, data FROM handling_cases WHERE doc_id IN (SELECT doc_id FROM case_units WHERE unit_id = $1) ${CASE_ORDER}`,
          unitId,
        )
      ).map(toCase),
    );
  }

  claimReminder(key: string, at: number): Promise<boolean> {
    return this.#db.write('record a reminder', async (q) => {
      return (
        (await q.run(
          'INSERT INTO sent_reminders (key, sent_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
          key,
          at,
        )) === 1
      );
    });
  }

  saveCase(next: HandlingCase): Promise<CaseSaveOutcome> {
    return this.#db.write('save a case', async (q) => {
      if (await replaceCase(q, next)) {
        return 'saved';
      }
      return (await caseOf(q, next.docId)) === null ? 'missing' : 'conflict';
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
