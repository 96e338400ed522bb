import { createHash } from 'node:crypto';
import pg from 'pg';
import { PG_LOCKS, type PgParam, type PgQueries, type PgScalar, type WriteOptions } from './pgQueries';
import { migrate } from './pgSchema';

export interface PgDatabaseOptions {
  /** A PostgreSQL connection string (DATABASE_URL). */
  readonly url: string;
  /** The schema to keep the tables in (tests give each their own); `public` by default. */
  readonly schema?: string;
  /** Connections this store may open at once; 10 by default. */
  readonly maxConnections?: number;
  /** Names the store in errors ("the document store is closed"). */
  readonly name: string;
}

/** BIGINT columns hold times in ms and sequence numbers, all well within 2^53: read them as numbers. */
const INT8_OID = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (text: string) => Number(text)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** pg sends a Buffer as bytea; a plain Uint8Array would be sent as an array of numbers. */
function toBuffer(param: PgScalar): PgScalar {
  return param instanceof Uint8Array && !Buffer.isBuffer(param)
    ? Buffer.from(param.buffer, param.byteOffset, param.byteLength)
    : param;
}

function bind(params: readonly PgParam[]): unknown[] {
  return params.map((param) => (Array.isArray(param) ? param.map(toBuffer) : toBuffer(param as PgScalar)));
}

/** The name each statement with parameters is prepared under, by its text. */
const statementNames = new Map<string, string>();

function nameOf(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `jy_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A statement with parameters is prepared once per connection (named by its text, all of which
 * are fixed in the code), so PostgreSQL parses and plans the relay's appends once, not every
 * time. One without parameters (a migration's several statements) runs as it is.
 */
function send(client: pg.Pool | pg.PoolClient, sql: string, params: readonly PgParam[]): Promise<pg.QueryResult> {
  return params.length === 0 ? client.query(sql) : client.query({ name: nameOf(sql), text: sql, values: bind(params) });
}

function queriesOn(client: pg.Pool | pg.PoolClient): PgQueries {
  return {
    get: async <R>(sql: string, ...params: PgParam[]) => (await send(client, sql, params)).rows[0] as R | undefined,
    all: async <R>(sql: string, ...params: PgParam[]) => (await send(client, sql, params)).rows as R[],
    run: async (sql: string, ...params: PgParam[]) => (await send(client, sql, params)).rowCount ?? 0,
  };
}

/** A quoted identifier; schema names come from configuration and tests, never from requests. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Cannot use "${name}" as a PostgreSQL schema name: use lower-case letters, digits and _`);
  }
  return `"${name}"`;
}

/**
 * One pool of connections to PostgreSQL, migrated to the current layout before first use, and
 * the two ways a store method runs on it: a read on any connection, or a write in one
 * transaction that holds the records' advisory lock.
 */
export class PgDatabase {
  readonly #pool: pg.Pool;
  readonly #name: string;
  readonly #reads: PgQueries;
  #isClosed = false;

  private constructor(pool: pg.Pool, name: string) {
    this.#pool = pool;
    this.#name = name;
    this.#reads = queriesOn(pool);
  }

  /** Connects, creates the schema when missing, and migrates it (one version per transaction). */
  static async open(options: PgDatabaseOptions): Promise<PgDatabase> {
    const schema = options.schema ?? 'public';
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: typeParsers,
      // Every connection works in the store's schema.
      options: `-c search_path=${quoteIdentifier(schema)}`,
    });
    // An idle connection that the server dropped must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const database = new PgDatabase(pool, options.name);
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      await migrate((operation, body, writeOptions) => database.write(operation, body, writeOptions));
    } catch (thrown) {
      await pool.end();
      throw thrown;
    }
    return database;
  }

  /** Runs `body` on the pool, outside any transaction. */
  read<T>(operation: string, body: (q: PgQueries) => Promise<T>): Promise<T> {
    if (this.#isClosed) {
      return Promise.reject(this.#closedError(operation));
    }
    return body(this.#reads);
  }

  /**
   * Runs `body` in one transaction: all of it or nothing. With `lock` (default: the records'),
   * the transaction first takes that advisory lock, so writers of the same lock run one at a time
   * across every process; `lock: null` takes none (the relay's batches, which lock per room).
   */
  async write<T>(operation: string, body: (q: PgQueries) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.#isClosed) {
      throw this.#closedError(operation);
    }
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const lock = options.lock === undefined ? PG_LOCKS.records : options.lock;
      if (lock !== null) {
        await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
      }
      const result = await body(queriesOn(client));
      await client.query('COMMIT');
      return result;
    } catch (thrown) {
      await client.query('ROLLBACK').catch(() => {});
      throw thrown;
    } finally {
      client.release();
    }
  }

  /** Closes every connection once running queries end; later calls fail. */
  async close(): Promise<void> {
    if (this.#isClosed) {
      return;
    }
    this.#isClosed = true;
    await this.#pool.end();
  }

  #closedError(operation: string): Error {
    return new Error(`Cannot ${operation}: the ${this.#name} is closed`);
  }
}
