import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';

/** The PostgreSQL server and the Redis the scaled-out scenarios use. */
export interface BenchServices {
  /** A connection string to the server's maintenance database; each run creates its own database. */
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

/** The local services of a development machine, when BENCH_DATABASE_URL / BENCH_REDIS_URL are not set. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** How long a probe waits for a service before the scenario is skipped. */
const PROBE_TIMEOUT_MS = 3_000;

/** The services named by the environment, or the local defaults. */
export function benchServices(): BenchServices {
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl: process.env.BENCH_REDIS_URL ?? DEFAULT_REDIS_URL,
  };
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password === '' ? '' : '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

async function probeDatabase(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${shown(url)} is unreachable (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(url: string): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() rejects with a generic "Connection is closed."; the socket's own error says why.
  let socketError: Error | null = null;
  redis.on('error', (err: Error) => {
    socketError = err;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    const reason = socketError ?? err;
    return `Redis at ${shown(url)} is unreachable (${reason instanceof Error ? reason.message : String(reason)})`;
  } finally {
    redis.disconnect();
  }
}

/**
 * Why a scenario needing the services cannot run (set BENCH_DATABASE_URL / BENCH_REDIS_URL), or
 * null when every service it needs answers.
 */
export async function unreachableServices(
  services: BenchServices,
  needs: { readonly redis: boolean },
): Promise<string | null> {
  const problems = [await probeDatabase(services.databaseUrl)];
  if (needs.redis) {
    problems.push(await probeRedis(services.redisUrl));
  }
  const found = problems.filter((problem): problem is string => problem !== null);
  return found.length === 0 ? null : `${found.join('; ')}: set BENCH_DATABASE_URL / BENCH_REDIS_URL`;
}

/** A database of the bench's own on the PostgreSQL server, dropped with `drop`. */
export interface BenchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates `jianyan_bench_<random>`; its name comes from here, never from input. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `jianyan_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a server process killed on a failed run may still hold connections.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A Redis key prefix of the bench's own, so a run never touches another deployment's keys. */
export function newRedisPrefix(): string {
  return `jianyan-bench:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under the prefix (a deployment's streams, holds and throttles). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
