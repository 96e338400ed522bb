import { type BenchServices, createBenchDatabase, deleteRedisKeys, newRedisPrefix } from './benchServices';
import type { ProcSample } from './procSampler';
import { type RunningServer, ServerKind, startServer } from './serverProcess';

/** Where a deployment of our relay keeps its data and how many processes serve it. */
export const DeploymentKind = {
  /** One process on SQLite in a fresh temp dir, as `npm start` runs by default. */
  sqlite: 'sqlite',
  /** One process on a fresh PostgreSQL database, without Redis. */
  postgres: 'postgres',
  /** Several processes on one fresh PostgreSQL database and one Redis (a prefix of their own). */
  cluster: 'cluster',
} as const;
export type DeploymentKind = (typeof DeploymentKind)[keyof typeof DeploymentKind];

/** Our relay as one deployment: its processes share the database, the workspace and its tokens. */
export interface RunningDeployment {
  readonly kind: DeploymentKind;
  /** In start order; the first completed the first-run setup and registers the documents. */
  readonly processes: readonly RunningServer[];
  /** The deployment's own PostgreSQL database; null on SQLite. */
  readonly databaseUrl: string | null;
  /** CPU time and RSS of every process, summed. */
  sample(): ProcSample;
  /** Stops every process, then drops the database and deletes the Redis keys. */
  stop(): Promise<void>;
}

/** Options of `startDeployment`. */
export interface DeploymentOptions {
  readonly kind: DeploymentKind;
  /** Processes of a cluster (one otherwise). */
  readonly processes?: number;
  readonly services: BenchServices;
  readonly nodeArgs?: readonly string[];
}

async function stopAll(processes: readonly RunningServer[], cleanups: readonly (() => Promise<void>)[]) {
  for (const server of processes) {
    await server.stop();
  }
  for (const cleanup of cleanups) {
    await cleanup();
  }
}

/**
 * Starts our relay as a deployment of `kind`: the first process seeds the bench workspace on the
 * empty database; the others start on the same database once it exists, so they print no setup
 * link and serve the same people and documents.
 */
export async function startDeployment(options: DeploymentOptions): Promise<RunningDeployment> {
  const { kind, services } = options;
  const count = kind === DeploymentKind.cluster ? Math.max(2, options.processes ?? 2) : 1;
  const env: Record<string, string> = {};
  const cleanups: (() => Promise<void>)[] = [];
  const processes: RunningServer[] = [];
  try {
    if (kind !== DeploymentKind.sqlite) {
      const database = await createBenchDatabase(services.databaseUrl);
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    }
    if (kind === DeploymentKind.cluster) {
      const prefix = newRedisPrefix();
      cleanups.push(() => deleteRedisKeys(services.redisUrl, prefix));
      env.REDIS_URL = services.redisUrl;
      env.REDIS_PREFIX = prefix;
    }
    const nodeArgs = options.nodeArgs ?? [];
    const first = await startServer(ServerKind.ours, { nodeArgs, env });
    processes.push(first);
    while (processes.length < count) {
      processes.push(await startServer(ServerKind.ours, { nodeArgs, env, workspace: first.workspace }));
    }
  } catch (err) {
    await stopAll(processes, cleanups);
    throw err;
  }
  return {
    kind,
    processes,
    databaseUrl: env.DATABASE_URL ?? null,
    sample: () => {
      const samples = processes.map((server) => server.sample());
      return {
        cpuMs: samples.reduce((sum, each) => sum + each.cpuMs, 0),
        rssKb: samples.reduce((sum, each) => sum + each.rssKb, 0),
      };
    },
    stop: () => stopAll(processes, cleanups),
  };
}
