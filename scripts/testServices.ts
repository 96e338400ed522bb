import Redis from 'ioredis';
import pg from 'pg';

/**
 * Vitest's global set-up: the PostgreSQL and Redis suites run against TEST_DATABASE_URL and
 * TEST_REDIS_URL. When one is set but does not answer, the run stops here with a message saying
 * so (a suite must not pass by skipping); when one is not set, the run says which suites it skips.
 */
async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (thrown) {
    throw new Error(`TEST_DATABASE_URL=${url} does not answer: ${(thrown as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (thrown) {
    throw new Error(`TEST_REDIS_URL=${url} does not answer: ${(thrown as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

export default async function setup(): Promise<void> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (databaseUrl === undefined) {
    console.warn('PostgreSQL suites SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  } else {
    await checkPostgres(databaseUrl);
  }
  if (redisUrl === undefined) {
    console.warn('Redis suites SKIPPED: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379)');
  } else {
    await checkRedis(redisUrl);
  }
}
