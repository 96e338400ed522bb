import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdentifier } from './PgDatabase';

/**
 * The PostgreSQL server the tests may use (TEST_DATABASE_URL), or null: then the PostgreSQL
 * suites are skipped, and the test run says so (scripts/testServices.ts).
 */
export const TEST_DATABASE_URL: string | null = process.env.TEST_DATABASE_URL ?? null;

/** A schema of its own for one test, dropped with everything in it by `drop`. */
export interface TestSchema {
  readonly url: string;
  readonly schema: string;
  drop(): Promise<void>;
}

/** A fresh schema name on the test server; the stores create it when they open. */
export function newTestSchema(): TestSchema {
  const url = TEST_DATABASE_URL;
  if (url === null) {
    throw new Error('Cannot make a test schema: TEST_DATABASE_URL is not set');
  }
  const schema = `jianyan_test_${randomBytes(6).toString('hex')}`;
  return {
    url,
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
