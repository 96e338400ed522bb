import { BenchClient } from '../lib/BenchClient';
import { closeClients, unexpectedCloseCodes } from '../lib/clientPool';
import type { ProcSample } from '../lib/procSampler';
import type { RunningServer } from '../lib/serverProcess';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';
import { mapWithConcurrency, sleep } from '../lib/waitFor';

/** Load shape of the connections scenario. */
export interface ConnectionsOptions {
  readonly connections: number;
  readonly rooms: number;
  /** Handshakes in flight at once. */
  readonly concurrency: number;
  /** How long CPU is measured while every connection sits idle. */
  readonly idleMs: number;
  /**
   * A longer idle window (0 to skip), long enough to include the relays' heartbeats (both ping
   * every 30 s; ours checks every 10 s for keepalives), which a 5 s window catches or misses by chance.
   */
  readonly longIdleMs: number;
}

/** Figures of the connections scenario against one relay. */
export interface ConnectionsResult {
  readonly connections: number;
  readonly synced: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  readonly allSyncedMs: number;
  /** Per connection: socket open -> step 2 applied. */
  readonly handshakeMs: Summary;
  /** Relay CPU spent from the first socket to the last step 2, per connection. */
  readonly serverCpuMsPerHandshake: number;
  readonly rssBeforeKb: number;
  readonly rssAfterKb: number;
  readonly rssPerConnectionKb: number;
  readonly idleCpuMsPerSecond: number;
  /** Over `longIdleMs` from the same start; null when skipped. */
  readonly longIdleCpuMsPerSecond: number | null;
  /** RSS per connection at the end of the long idle window, once V8 has collected the handshakes' garbage. */
  readonly settledRssPerConnectionKb: number | null;
  readonly unexpectedCloses: Record<string, number>;
}

/** Time one handshake gets before it counts as failed. */
const HANDSHAKE_TIMEOUT_MS = 15_000;
/** Pause after the last handshake so RSS reflects settled buffers, not the burst. */
const SETTLE_MS = 1_000;

/** One connection's handshake: its client (null when the socket never opened), time and error. */
export interface Attempt {
  readonly client: BenchClient | null;
  readonly ms: number;
  readonly error: string | null;
}

async function connectOne(url: string): Promise<Attempt> {
  const start = performance.now();
  let client: BenchClient | null = null;
  try {
    client = await BenchClient.open({ url, connectTimeoutMs: HANDSHAKE_TIMEOUT_MS });
    await client.sync(HANDSHAKE_TIMEOUT_MS);
    return { client, ms: performance.now() - start, error: null };
  } catch (err) {
    return { client, ms: performance.now() - start, error: err instanceof Error ? err.message : String(err) };
  }
}

interface IdleFigures {
  readonly idleCpuMsPerSecond: number;
  readonly longIdleCpuMsPerSecond: number | null;
  readonly settledRssPerConnectionKb: number | null;
}

/** Relay CPU while every connection sits idle, and RSS once that garbage has been collected. */
async function measureIdle(
  server: RunningServer,
  options: ConnectionsOptions,
  rssBeforeKb: number,
  synced: number,
): Promise<IdleFigures & { readonly afterSync: ProcSample }> {
  const afterSync = server.sample();
  await sleep(options.idleMs);
  const afterIdle = server.sample();
  const idleCpuMsPerSecond = round(((afterIdle.cpuMs - afterSync.cpuMs) * 1_000) / options.idleMs, 1);
  if (options.longIdleMs <= options.idleMs) {
    return { afterSync, idleCpuMsPerSecond, longIdleCpuMsPerSecond: null, settledRssPerConnectionKb: null };
  }
  await sleep(options.longIdleMs - options.idleMs);
  const afterLongIdle = server.sample();
  return {
    afterSync,
    idleCpuMsPerSecond,
    longIdleCpuMsPerSecond: round(((afterLongIdle.cpuMs - afterSync.cpuMs) * 1_000) / options.longIdleMs, 1),
    settledRssPerConnectionKb: round((afterLongIdle.rssKb - rssBeforeKb) / Math.max(1, synced), 1),
  };
}

/** Connects one client per URL, `concurrency` handshakes in flight; resolves when all are done. */
export async function connectAll(
  urls: readonly string[],
  concurrency: number,
): Promise<{ readonly attempts: Attempt[]; readonly allSyncedMs: number }> {
  const start = performance.now();
  const attempts = await mapWithConcurrency(urls.length, concurrency, (index) => connectOne(urls[index] ?? ''));
  return { attempts, allSyncedMs: performance.now() - start };
}

/** Opens many connections over a few rooms, each doing the handshake; then measures memory and idle CPU. */
export async function runConnections(server: RunningServer, options: ConnectionsOptions): Promise<ConnectionsResult> {
  const rooms = await server.newRooms(options.rooms);
  const urls = Array.from({ length: options.connections }, (_, index) =>
    server.roomUrl(rooms[index % rooms.length] ?? '', Math.floor(index / rooms.length)),
  );
  const before = server.sample();
  const { attempts, allSyncedMs } = await connectAll(urls, options.concurrency);
  const afterConnect = server.sample();
  const clients = attempts.flatMap((attempt) => (attempt.client === null ? [] : [attempt.client]));
  const failures = attempts.filter((attempt) => attempt.error !== null);
  const synced = attempts.length - failures.length;
  try {
    await sleep(SETTLE_MS);
    const { afterSync, ...idle } = await measureIdle(server, options, before.rssKb, synced);
    return {
      connections: options.connections,
      synced,
      failed: failures.length,
      firstFailure: failures[0]?.error ?? null,
      allSyncedMs: round(allSyncedMs, 0),
      handshakeMs: roundSummary(summarize(attempts.filter((a) => a.error === null).map((a) => a.ms))),
      serverCpuMsPerHandshake: round((afterConnect.cpuMs - before.cpuMs) / options.connections, 3),
      rssBeforeKb: before.rssKb,
      rssAfterKb: afterSync.rssKb,
      rssPerConnectionKb: round((afterSync.rssKb - before.rssKb) / Math.max(1, synced), 1),
      ...idle,
      unexpectedCloses: unexpectedCloseCodes(clients),
    };
  } finally {
    await closeClients(clients);
  }
}
