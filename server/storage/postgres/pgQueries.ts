export type PgScalar = string | number | bigint | Buffer | Uint8Array | boolean | null;
/** A value bound to a `$n` placeholder; an array binds a PostgreSQL array (for `unnest`). */
export type PgParam = PgScalar | readonly PgScalar[];

/**
 * What a store method runs its SQL on: the pool (a read) or one transaction's connection (a
 * write). The same three calls as the SQLite adapters' `SqliteQueries`, with `$1` placeholders
 * and a Promise, so that the SQL of both adapters reads alike.
 */
export interface PgQueries {
  get<R>(sql: string, ...params: PgParam[]): Promise<R | undefined>;
  all<R>(sql: string, ...params: PgParam[]): Promise<R[]>;
  /** Resolves with the number of rows the statement changed. */
  run(sql: string, ...params: PgParam[]): Promise<number>;
}

/**
 * Advisory lock keys of the whole database (any process): taken inside a transaction, released
 * at its end. One for migrations, one for every write of the relational records, which keeps
 * the SQLite adapters' one-writer-at-a-time semantics (a status check cannot be split from the
 * write that relies on it) without serialization failures to retry, and one for the document
 * files, whose quota check must not be split from the insert it allows.
 */
export const PG_LOCKS = { migrate: 4_731_001, records: 4_731_002, docFiles: 4_731_003 } as const;

export interface WriteOptions {
  /** The advisory lock the transaction takes first; PG_LOCKS.records by default, null for none. */
  readonly lock?: number | null;
}

/** Runs `body` in one transaction (see PgDatabase.write). */
export type Transact = <T>(operation: string, body: (q: PgQueries) => Promise<T>, options?: WriteOptions) => Promise<T>;
