import Database from 'better-sqlite3';
import { migrate } from './sqliteSchema';

/** How long a writer waits for another process (the relay's connection, an admin command) to release the lock. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a connection of a record store (workspace, review) to the shared SQLite file, migrated
 * to the current layout. WAL, so that the relay's writes and this connection's reads do not
 * block each other.
 */
export function openSqliteConnection(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  migrate(db);
  return db;
}
