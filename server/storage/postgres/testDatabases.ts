import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdentifier } from './PgDatabase';
import { TEST_DATABASE_URL } from './testSchemas';

/** A database of its own for one test, on the server of TEST_DATABASE_URL, dropped by `drop`. */
export interface TestDatabase {
  /** Its connection string, for DATABASE_URL: child processes use it as an operator would. */
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the test server, for tests whose commands run in a child process
 * with DATABASE_URL and so cannot be given a schema of their own.
 */
export async function newTestDatabase(): Promise<TestDatabase> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === null) {
    throw new Error('Cannot make a test database: TEST_DATABASE_URL is not set');
  }
  const name = quoteIdentifier(`jianyan_test_${randomBytes(6).toString('hex')}`);
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name.slice(1, -1)}`;
  return {
    url: url.toString(),
    // FORCE ends the connections a failed test may have left open.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
