import type Database from 'better-sqlite3';

export type SqlParam = string | number | bigint | Buffer | null;

/**
 * One better-sqlite3 connection with its prepared statements cached by SQL text, and the two ways
 * a store method runs on it: a read, or a write in an IMMEDIATE transaction (which holds the
 * write lock from its first read, so another process cannot change what it read before it writes).
 * Both resolve or reject a Promise, so that store methods are async like any other adapter's.
 */
export class SqliteQueries {
  readonly #db: Database.Database;
  readonly #name: string;
  readonly #statements = new Map<string, Database.Statement>();
  #isClosed = false;

  /** `name` says which store is closed in the error of a call after `close`. */
  constructor(db: Database.Database, name: string) {
    this.#db = db;
    this.#name = name;
  }

  get<R>(sql: string, ...params: SqlParam[]): R | undefined {
    return this.#statement(sql).get(...params) as R | undefined;
  }

  all<R>(sql: string, ...params: SqlParam[]): R[] {
    return this.#statement(sql).all(...params) as R[];
  }

  run(sql: string, ...params: SqlParam[]): Database.RunResult {
    return this.#statement(sql).run(...params);
  }

  /** Runs `body` as it is; `operation` names it in the error when the store is closed. */
  read<T>(operation: string, body: () => T): Promise<T> {
    return this.#attempt(operation, body);
  }

  /** Runs `body` in an IMMEDIATE transaction: all of it or nothing. */
  write<T>(operation: string, body: () => T): Promise<T> {
    return this.#attempt(operation, () => this.#db.transaction(body).immediate());
  }

  /** Closes the connection; later calls reject. */
  close(): void {
    if (!this.#isClosed) {
      this.#isClosed = true;
      this.#db.close();
    }
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #attempt<T>(operation: string, body: () => T): Promise<T> {
    if (this.#isClosed) {
      return Promise.reject(new Error(`Cannot ${operation}: the ${this.#name} is closed`));
    }
    try {
      return Promise.resolve(body());
    } catch (thrown) {
      return Promise.reject(thrown);
    }
  }
}
