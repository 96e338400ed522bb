import type { RunningDeployment } from '../lib/benchDeployment';
import { closeClients, unexpectedCloseCodes } from '../lib/clientPool';
import { backendCpuMsBetween, sampleDatabaseBackends } from '../lib/databaseCpu';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';
import { connectAll } from './connections';

/** Load shape of the scaled-out connections scenario. */
export interface ConnectionsClusterOptions {
  /** Sockets in all, spread evenly over the deployment's processes. */
  readonly connections: number;
  readonly rooms: number;
  /** Handshakes in flight at once, over all processes. */
  readonly concurrency: number;
}

/** What one process of the deployment took on. */
export interface ProcessConnections {
  readonly connections: number;
  readonly synced: number;
  readonly handshakeMs: Summary;
  /** Its CPU from the first socket to the last step 2, per connection it served. */
  readonly cpuMsPerHandshake: number;
  readonly rssPerConnectionKb: number;
}

/** Figures of the scaled-out connections scenario. */
export interface ConnectionsClusterResult {
  readonly connections: number;
  readonly synced: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  /** First socket opened to the last connection's step 2 applied. */
  readonly allSyncedMs: number;
  /** Per connection: socket open -> step 2 applied. */
  readonly handshakeMs: Summary;
  /** By process, in start order. */
  readonly processes: ProcessConnections[];
  /** CPU of the database's PostgreSQL backends while connecting, per connection; null when unreadable. */
  readonly databaseCpuMsPerHandshake: number | null;
  /** The bench process's CPU while connecting, in % of one core: near 100, the clients limit the rate. */
  readonly benchCpuPercent: number;
  readonly unexpectedCloses: Record<string, number>;
}

/**
 * Opens `connections` sockets over `rooms` rooms, each room's sockets spread over every process
 * (so each process loads every room, and every room is relayed between processes), and waits
 * until every handshake is done.
 */
export async function runConnectionsCluster(
  deployment: RunningDeployment,
  options: ConnectionsClusterOptions,
): Promise<ConnectionsClusterResult> {
  const { processes } = deployment;
  const [registrar] = processes;
  if (registrar === undefined) {
    throw new Error('A deployment without processes cannot take connections');
  }
  const rooms = await registrar.newRooms(options.rooms);
  // Connection i joins room i mod rooms; its pass over the rooms picks the person and the process.
  const passOf = (index: number) => Math.floor(index / rooms.length);
  const processOf = (index: number) => passOf(index) % processes.length;
  const urls = Array.from({ length: options.connections }, (_, index) => {
    const server = processes[processOf(index)] ?? registrar;
    return server.roomUrl(rooms[index % rooms.length] ?? '', passOf(index));
  });
  const databaseUrl = deployment.databaseUrl;
  const databaseBefore = databaseUrl === null ? null : await sampleDatabaseBackends(databaseUrl);
  const before = processes.map((server) => server.sample());
  const benchBefore = process.cpuUsage();
  const { attempts, allSyncedMs } = await connectAll(urls, options.concurrency);
  const benchCpu = process.cpuUsage(benchBefore);
  const databaseCpuMs =
    databaseUrl === null || databaseBefore === null
      ? null
      : backendCpuMsBetween(databaseBefore, await sampleDatabaseBackends(databaseUrl));
  const after = processes.map((server) => server.sample());
  const clients = attempts.flatMap((attempt) => (attempt.client === null ? [] : [attempt.client]));
  try {
    const failures = attempts.filter((attempt) => attempt.error !== null);
    const perProcess = processes.map((_, processIndex): ProcessConnections => {
      const mine = attempts.filter((_, index) => processOf(index) === processIndex);
      const synced = mine.filter((attempt) => attempt.error === null);
      const cpuMs = (after[processIndex]?.cpuMs ?? 0) - (before[processIndex]?.cpuMs ?? 0);
      const rssKb = (after[processIndex]?.rssKb ?? 0) - (before[processIndex]?.rssKb ?? 0);
      return {
        connections: mine.length,
        synced: synced.length,
        handshakeMs: roundSummary(summarize(synced.map((attempt) => attempt.ms))),
        cpuMsPerHandshake: round(cpuMs / Math.max(1, mine.length), 3),
        rssPerConnectionKb: round(rssKb / Math.max(1, synced.length), 1),
      };
    });
    return {
      connections: options.connections,
      synced: attempts.length - failures.length,
      failed: failures.length,
      firstFailure: failures[0]?.error ?? null,
      allSyncedMs: round(allSyncedMs, 0),
      handshakeMs: roundSummary(summarize(attempts.filter((a) => a.error === null).map((a) => a.ms))),
      processes: perProcess,
      databaseCpuMsPerHandshake: databaseCpuMs === null ? null : round(databaseCpuMs / options.connections, 3),
      benchCpuPercent: round(((benchCpu.user + benchCpu.system) / 1_000 / allSyncedMs) * 100, 0),
      unexpectedCloses: unexpectedCloseCodes(clients),
    };
  } finally {
    await closeClients(clients);
  }
}
