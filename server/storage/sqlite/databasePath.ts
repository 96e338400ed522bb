import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The one SQLite file in DATA_DIR, shared by the server, the admin commands and the demo loader. */
const DATABASE_FILE = 'jianyan.sqlite';

/** The path of the database file in `dataDir` (which may not exist yet). */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Creates `dataDir` when it is missing and returns the path of its database file, ready to open. */
export function prepareDatabasePath(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return databasePath(dataDir);
}
