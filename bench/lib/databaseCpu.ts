import pg from 'pg';
import { sampleProcess } from './procSampler';

/** CPU ms of each PostgreSQL backend serving one database at one moment, by pid. */
export type BackendCpu = ReadonlyMap<number, number>;

/**
 * Reads the CPU time of every backend connected to the database from /proc: the server must run
 * on this machine. Backends whose /proc entry cannot be read (another machine, or gone) are left
 * out; an empty map then means there is nothing to measure.
 */
export async function sampleDatabaseBackends(databaseUrl: string): Promise<BackendCpu> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const samples = new Map<number, number>();
    for (const { pid } of result.rows) {
      try {
        samples.set(pid, sampleProcess(pid).cpuMs);
      } catch {
        // Not on this machine, or the backend ended since the query: nothing to add.
      }
    }
    return samples;
  } finally {
    await client.end();
  }
}

/**
 * CPU the backends used between two samples: backends started meanwhile count from zero; those
 * that ended meanwhile are missing, so this is a lower bound. Null when nothing could be read.
 */
export function backendCpuMsBetween(before: BackendCpu, after: BackendCpu): number | null {
  if (after.size === 0) {
    return null;
  }
  let total = 0;
  for (const [pid, cpuMs] of after) {
    total += Math.max(0, cpuMs - (before.get(pid) ?? 0));
  }
  return total;
}
