import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import pg from 'pg';
import { type ServerProcess, spawnServer } from './serverProcess';
import { makeDataDir } from './testServer';

/** The services the cluster tests use; null when the run did not set them (the tests are skipped). */
export const CLUSTER_SERVICES =
  process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_REDIS_URL !== undefined
    ? { databaseUrl: process.env.TEST_DATABASE_URL, redisUrl: process.env.TEST_REDIS_URL }
    : null;

/** A database of its own on the test server, dropped with `drop`. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jianyan_cluster_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Several server processes of one committee, as `npm start` runs them, on one PostgreSQL
 * database of their own and one Redis (under a key prefix of their own).
 */
export class ClusterDeployment {
  readonly processes: ServerProcess[] = [];
  readonly #env: Record<string, string>;
  readonly #dropDatabase: () => Promise<void>;
  readonly #dataDir: string;
  readonly #redisUrl: string;
  readonly #prefix: string;

  private constructor(env: Record<string, string>, dropDatabase: () => Promise<void>, dataDir: string) {
    this.#env = env;
    this.#dropDatabase = dropDatabase;
    this.#dataDir = dataDir;
    this.#redisUrl = env.REDIS_URL ?? '';
    this.#prefix = env.REDIS_PREFIX ?? '';
  }

  /** A deployment with its own database and Redis prefix; `redisUrl` overrides the test Redis. */
  static async create(services: { databaseUrl: string; redisUrl: string }): Promise<ClusterDeployment> {
    const database = await createTestDatabase(services.databaseUrl);
    const dataDir = makeDataDir();
    return new ClusterDeployment(
      {
        DATABASE_URL: database.url,
        REDIS_URL: services.redisUrl,
        REDIS_PREFIX: `jianyan-test:${randomBytes(6).toString('hex')}:`,
        DATA_DIR: dataDir,
      },
      database.drop,
      dataDir,
    );
  }

  /** Starts one more process; the first on the empty database waits for its setup link. */
  async start(options: { readonly isFirstRun?: boolean } = {}): Promise<ServerProcess> {
    const server = await spawnServer(this.#env, { isFirstRun: options.isFirstRun === true });
    this.processes.push(server);
    return server;
  }

  /** Stops every process still running, drops the database and the deployment's Redis keys. */
  async dispose(): Promise<void> {
    for (const server of this.processes) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
    await this.#dropDatabase();
    const redis = new Redis(this.#redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys(`${this.#prefix}*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } catch {
      // A test that stopped its own Redis leaves nothing to clean.
    } finally {
      redis.disconnect();
    }
    rmSync(this.#dataDir, { recursive: true, force: true });
  }
}
