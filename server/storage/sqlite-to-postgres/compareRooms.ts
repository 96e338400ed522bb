import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { toError } from '../../logger';
import type { PgQueries } from '../postgres/pgQueries';
import { CopyProblem, CopyRefusal } from './CopyRefusal';

/** A room's document as its log builds it: its state vector and its whole state as one update. */
interface MergedState {
  readonly stateVector: Uint8Array;
  readonly state: Uint8Array;
}

/** Applies a room's log in order to a document without garbage collection, as the relay loads it. */
function mergedState(room: string, where: string, updates: readonly Uint8Array[]): MergedState {
  const doc = new Y.Doc({ gc: false });
  try {
    doc.transact(() => {
      for (const update of updates) {
        Y.applyUpdate(doc, update);
      }
    });
    return { stateVector: Y.encodeStateVector(doc), state: Y.encodeStateAsUpdate(doc) };
  } catch (thrown) {
    throw new CopyRefusal(
      CopyProblem.mismatch,
      `Cannot check room ${room}: an update of its log in ${where} does not decode (${toError(thrown).message}). Nothing was copied.`,
    );
  } finally {
    doc.destroy();
  }
}

function isSame(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/**
 * Checks every room copied into PostgreSQL (inside the copy's transaction): the same number of
 * updates, and the document its log builds is the one the SQLite log builds, state vector and
 * content. Resolves with the number of rooms and updates checked; refuses at the first difference.
 */
export async function compareRooms(
  source: Database.Database,
  q: PgQueries,
): Promise<{ rooms: number; updates: number }> {
  const rooms = source.prepare('SELECT DISTINCT room FROM updates ORDER BY room').pluck().all() as string[];
  const readSqlite = source.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq').pluck();
  let updates = 0;
  for (const room of rooms) {
    const fromSqlite = readSqlite.all(room) as Uint8Array[];
    const fromPostgres = (
      await q.all<{ data: Uint8Array }>('SELECT data FROM updates WHERE room = $1 ORDER BY seq', room)
    ).map((row) => row.data);
    const sqliteState = mergedState(room, 'SQLite', fromSqlite);
    const postgresState = mergedState(room, 'PostgreSQL', fromPostgres);
    if (
      fromSqlite.length !== fromPostgres.length ||
      !isSame(sqliteState.stateVector, postgresState.stateVector) ||
      !isSame(sqliteState.state, postgresState.state)
    ) {
      throw new CopyRefusal(
        CopyProblem.mismatch,
        `The copy of room ${room} differs from its SQLite log (${fromSqlite.length} updates in SQLite, ${fromPostgres.length} in PostgreSQL, or another merged state). Nothing was copied.`,
      );
    }
    updates += fromSqlite.length;
  }
  const copiedRooms = await q.get<{ count: number }>('SELECT count(DISTINCT room) AS count FROM updates');
  if (copiedRooms?.count !== rooms.length) {
    throw new CopyRefusal(
      CopyProblem.mismatch,
      `PostgreSQL holds the logs of ${copiedRooms?.count ?? 0} rooms after the copy, SQLite ${rooms.length}. Nothing was copied.`,
    );
  }
  return { rooms: rooms.length, updates };
}
