import type { Config } from '../config';
import { redactedUrl } from '../redactedUrl';
import { databasePath } from '../storage/sqlite/databasePath';
import { CopyRefusal } from '../storage/sqlite-to-postgres/CopyRefusal';
import { copySqliteToPostgres } from '../storage/sqlite-to-postgres/copySqliteToPostgres';
import { type AdminIo, AdminRefusal } from './AdminIo';
import { formatTable } from './formatTable';

/**
 * Copies the SQLite committee in DATA_DIR into the empty PostgreSQL database of DATABASE_URL,
 * checks the copy, and prints rows per table and the rooms checked. One way: the SQLite file is
 * only read, and stays as a backup.
 */
export async function migrateToPostgresCommand(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  io: AdminIo,
): Promise<void> {
  const { databaseUrl } = config;
  if (databaseUrl === null) {
    throw new AdminRefusal(
      'migrate-to-postgres: set DATABASE_URL to the empty PostgreSQL database to copy into, for example: DATABASE_URL=postgres://jianyan@localhost/jianyan npm run admin -- migrate-to-postgres',
    );
  }
  const sqlitePath = databasePath(config.dataDir);
  const target = redactedUrl(databaseUrl);
  io.out(`Copying ${sqlitePath} into PostgreSQL at ${target}…`);
  let summary: Awaited<ReturnType<typeof copySqliteToPostgres>>;
  try {
    summary = await copySqliteToPostgres({ sqlitePath, databaseUrl });
  } catch (thrown) {
    if (thrown instanceof CopyRefusal) {
      throw new AdminRefusal(thrown.message);
    }
    throw thrown;
  }
  io.out('');
  const rows = summary.tables.map((table) => [table.name, String(table.rows), String(table.rows)]);
  for (const line of formatTable(['table', 'SQLite rows', 'PostgreSQL rows'], rows)) {
    io.out(line);
  }
  io.out('');
  io.out(
    `Checked ${summary.rooms} room${summary.rooms === 1 ? '' : 's'} (${summary.updates} updates): each one's merged state in PostgreSQL is the state of its SQLite log.`,
  );
  io.out('Start the server with DATABASE_URL set to this database to serve the committee from PostgreSQL.');
  io.out(`${sqlitePath} was only read and is left as it was; keep it as a backup. The copy is one way:`);
  io.out('what changes in PostgreSQL from now on is never written back to it.');
}
