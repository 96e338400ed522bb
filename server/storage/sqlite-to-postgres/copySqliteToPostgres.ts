import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { redactedUrl } from '../../redactedUrl';
import { PgDatabase } from '../postgres/PgDatabase';
import { PG_LOCKS, type PgQueries, type PgScalar } from '../postgres/pgQueries';
import { CopyProblem, CopyRefusal } from './CopyRefusal';
import { compareRooms } from './compareRooms';
import {
  COPIED_TABLES,
  type CopiedTable,
  checkPostgresLayout,
  checkSqliteLayout,
  postgresColumns,
  sqliteSelectList,
} from './copiedTables';

/**
 * Rows per INSERT: 500 rows of the widest table bind 6,500 parameters, far below PostgreSQL's
 * 65,535, and a log of hundreds of thousands of updates takes a few hundred round trips.
 */
const BATCH_ROWS = 500;
/** A batch is sent early once it holds this much: merged updates and snapshots can be megabytes each. */
const BATCH_BYTES = 8 * 1024 * 1024;

export interface CopyOptions {
  /** The SQLite file of the committee; opened read-only, never changed. */
  readonly sqlitePath: string;
  /** The PostgreSQL database to copy into (DATABASE_URL); it must hold no data. */
  readonly databaseUrl: string;
  /** The PostgreSQL schema of the tables; `public` by default. */
  readonly databaseSchema?: string;
}

/** What was copied: the rows of each table (the same in both databases) and the rooms checked. */
export interface CopySummary {
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** Rooms whose merged Yjs state was compared, and the updates of their logs. */
  readonly rooms: number;
  readonly updates: number;
}

/** A value read from SQLite, as PostgreSQL takes it; rows read back from storage are untrusted. */
function toParam(value: unknown, table: string): PgScalar {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'bigint' ||
    typeof value === 'number' ||
    Buffer.isBuffer(value)
  ) {
    return value;
  }
  throw new Error(`Cannot copy a row of ${table}: it holds a value of type ${typeof value}`);
}

function sizeOf(row: readonly PgScalar[]): number {
  let bytes = 0;
  for (const value of row) {
    bytes += Buffer.isBuffer(value) || typeof value === 'string' ? value.length : 8;
  }
  return bytes;
}

async function insertBatch(q: PgQueries, table: CopiedTable, rows: readonly (readonly PgScalar[])[]): Promise<void> {
  const columns = postgresColumns(table);
  const values = rows
    .map((_, row) => `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`)
    .join(', ');
  // Identity columns keep SQLite's numbers: the order of timelines, versions and co-signers.
  const overriding = table.identity === undefined ? '' : ' OVERRIDING SYSTEM VALUE';
  await q.run(`INSERT INTO ${table.name} (${columns.join(', ')})${overriding} VALUES ${values}`, ...rows.flat());
}

/** Streams one table from SQLite into PostgreSQL in batches; resolves with the rows copied. */
async function copyTable(source: Database.Database, q: PgQueries, table: CopiedTable): Promise<number> {
  const select = source
    .prepare(
      `SELECT ${sqliteSelectList(table)} FROM ${table.name}${table.identity === undefined ? '' : ' ORDER BY rowid'}`,
    )
    .raw(true)
    // Integers as BigInt, so that none is rounded on the way.
    .safeIntegers(true);
  let batch: PgScalar[][] = [];
  let bytes = 0;
  let copied = 0;
  const flush = async (): Promise<void> => {
    await insertBatch(q, table, batch);
    copied += batch.length;
    batch = [];
    bytes = 0;
  };
  for (const raw of select.iterate() as IterableIterator<unknown[]>) {
    const row = raw.map((value) => toParam(value, table.name));
    batch.push(row);
    bytes += sizeOf(row);
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      await flush();
    }
  }
  if (batch.length > 0) {
    await flush();
  }
  if (table.identity !== undefined) {
    // The next row PostgreSQL numbers comes after the copied ones.
    await q.run(
      `SELECT setval(pg_get_serial_sequence('${table.name}', 'seq'), coalesce(max(seq), 0) + 1, false) FROM ${table.name}`,
    );
  }
  return copied;
}

async function countRows(q: PgQueries, table: string): Promise<number> {
  return (await q.get<{ count: number }>(`SELECT count(*) AS count FROM ${table}`))?.count ?? 0;
}

/** Refuses a database that holds any row of the committee's tables: the copy never merges two committees. */
async function refuseUnlessEmpty(q: PgQueries, where: string): Promise<void> {
  const held: string[] = [];
  for (const table of COPIED_TABLES) {
    const count = await countRows(q, table.name);
    if (count > 0) {
      held.push(`${table.name} ${count}`);
    }
  }
  if (held.length > 0) {
    throw new CopyRefusal(
      CopyProblem.targetNotEmpty,
      `The PostgreSQL database at ${where} is not empty (rows: ${held.join(', ')}). The copy goes only into an empty database, so that two committees are never mixed: create a new database (for example createdb jianyan) and set DATABASE_URL to it.`,
    );
  }
}

/** Compares the rows of each table in both databases with the rows copied; refuses any difference. */
async function compareCounts(
  source: Database.Database,
  q: PgQueries,
  copied: readonly { readonly name: string; readonly rows: number }[],
): Promise<void> {
  for (const { name, rows } of copied) {
    const inSqlite = source.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number;
    const inPostgres = await countRows(q, name);
    if (inSqlite !== rows || inPostgres !== rows) {
      throw new CopyRefusal(
        CopyProblem.mismatch,
        `The copy of ${name} differs: ${inSqlite} rows in SQLite, ${rows} copied, ${inPostgres} in PostgreSQL. Nothing was copied.`,
      );
    }
  }
}

function openSource(file: string): Database.Database {
  if (!existsSync(file)) {
    throw new CopyRefusal(
      CopyProblem.noSource,
      `There is no SQLite database at ${file}: set DATA_DIR to the folder of the committee to copy.`,
    );
  }
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Copies the SQLite committee at `sqlitePath` into the empty PostgreSQL database of
 * `databaseUrl`: every table, update logs with their sequence numbers and authors, and the
 * identity numbers of timelines, versions, co-signers and notifications. The copy and its check
 * (rows per table, and each room's merged Yjs state) run in one PostgreSQL transaction, over one
 * read snapshot of the SQLite file: any refusal or failure leaves PostgreSQL as it was.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopySummary> {
  const source = openSource(options.sqlitePath);
  try {
    checkSqliteLayout(source, options.sqlitePath);
    const target = await PgDatabase.open({
      url: options.databaseUrl,
      ...(options.databaseSchema === undefined ? {} : { schema: options.databaseSchema }),
      maxConnections: 1,
      name: 'PostgreSQL database',
    });
    try {
      return await target.write(
        'copy the SQLite committee into PostgreSQL',
        async (q) => {
          await checkPostgresLayout(q);
          await refuseUnlessEmpty(q, redactedUrl(options.databaseUrl));
          // One snapshot of the file for the copy and the check, even if something writes to it meanwhile.
          source.exec('BEGIN');
          try {
            const tables: { name: string; rows: number }[] = [];
            for (const table of COPIED_TABLES) {
              tables.push({ name: table.name, rows: await copyTable(source, q, table) });
            }
            await compareCounts(source, q, tables);
            return { tables, ...(await compareRooms(source, q)) };
          } finally {
            source.exec('COMMIT');
          }
        },
        { lock: PG_LOCKS.records },
      );
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}
