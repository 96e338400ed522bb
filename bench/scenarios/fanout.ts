import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BenchClient } from '../lib/BenchClient';
import { closeClients, openSyncedClients, unexpectedCloseCodes } from '../lib/clientPool';
import { backendCpuMsBetween, sampleDatabaseBackends } from '../lib/databaseCpu';
import { LoadMonitor } from '../lib/LoadMonitor';
import type { ProcSample } from '../lib/procSampler';
import type { Outcomes } from '../lib/report';
import type { RunningServer, ServerKind } from '../lib/serverProcess';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';
import { sleep, waitUntil } from '../lib/waitFor';

/** Load shape of the fan-out scenario. */
export interface FanoutOptions {
  readonly rooms: number;
  readonly readersPerRoom: number;
  /** Operations per second per writer, one level each. */
  readonly rates: readonly number[];
  readonly levelDurationMs: number;
  /** How long readers get after the last operation before missing deliveries count as lost. */
  readonly drainTimeoutMs: number;
  /** An unreported run first (at the middle rate), so JIT warm-up does not count against either relay. */
  readonly warmupMs: number;
}

/** Figures of one rate level against one relay. */
export interface FanoutLevelResult {
  readonly opsPerSecondPerWriter: number;
  readonly operations: number;
  readonly achievedOpsPerSecond: number;
  readonly expectedDeliveries: number;
  readonly deliveries: number;
  readonly lostDeliveries: number;
  readonly divergedReplicas: number;
  readonly deliveriesPerSecond: number;
  readonly latencyMs: Summary;
  readonly serverCpuMs: number;
  readonly serverCpuMsPerOp: number;
  /** CPU ms per operation of each relay process, in the placement's order (one entry for a single process). */
  readonly processCpuMsPerOp: number[];
  /** CPU ms per operation of the PostgreSQL backends of the placement's database; null without one. */
  readonly databaseCpuMsPerOp: number | null;
  readonly serverRssKb: number;
  readonly benchCpuPercent: number;
  /** p99 event-loop delay of the bench process: high values mean the load generator, not the relay, adds latency. */
  readonly benchLoopDelayP99Ms: number;
  /** CPU other processes on the machine used meanwhile, in % of one core. */
  readonly otherCpuPercent: number;
  readonly unexpectedCloses: Record<string, number>;
}

const TEXT_NAME = 'body';
/** Slack beyond the nominal level duration before the sender gives up on late operations. */
const SEND_OVERRUN_MS = 5_000;

interface Room {
  readonly name: string;
  readonly writer: BenchClient;
  readonly readers: BenchClient[];
  readonly awareness: Awareness;
  /** performance.now() at which operation `seq` (text length after it) was typed. */
  readonly sentAt: Float64Array;
  sent: number;
}

/** Per-reader delivery bookkeeping: a delivery is one operation becoming visible at one reader. */
class DeliveryLog {
  readonly latencies: number[] = [];
  deliveries = 0;
  private readonly seen = new Map<BenchClient, number>();

  /** Records every operation newly visible in the reader's replica (its text length grew). */
  observe(reader: BenchClient, room: Room): void {
    const now = performance.now();
    const length = reader.doc.getText(TEXT_NAME).length;
    const previous = this.seen.get(reader) ?? 0;
    for (let seq = previous + 1; seq <= length; seq += 1) {
      this.latencies.push(now - (room.sentAt[seq] ?? now));
      this.deliveries += 1;
    }
    if (length > previous) {
      this.seen.set(reader, length);
    }
  }
}

/** Which relay process each connection goes to; every process's CPU is measured. */
export interface FanoutPlacement {
  /** The processes serving the load; the first registers the rooms. */
  readonly processes: readonly RunningServer[];
  writerOf(room: number): RunningServer;
  readerOf(room: number, reader: number): RunningServer;
  /** The processes' PostgreSQL database, whose backends' CPU is measured too; none on SQLite. */
  readonly databaseUrl?: string | null;
}

/** Every connection on one relay process. */
export function singleProcess(server: RunningServer): FanoutPlacement {
  return { processes: [server], writerOf: () => server, readerOf: () => server };
}

async function openRooms(placement: FanoutPlacement, options: FanoutOptions, perRoomOps: number, log: DeliveryLog) {
  const [registrar] = placement.processes;
  if (registrar === undefined) {
    throw new Error('A fan-out placement needs at least one relay process');
  }
  const names = await registrar.newRooms(options.rooms);
  const writers = await openSyncedClients(
    names.map((name, index) => ({ url: placement.writerOf(index).roomUrl(name, 0), shouldSendLocalUpdates: true })),
  );
  const rooms: Room[] = [];
  for (const [index, name] of names.entries()) {
    const writer = writers[index];
    if (writer === undefined) {
      throw new Error(`Writer ${index} did not open`);
    }
    const awareness = new Awareness(writer.doc);
    rooms.push({ name, writer, readers: [], awareness, sentAt: new Float64Array(perRoomOps + 1), sent: 0 });
  }
  for (const [roomIndex, room] of rooms.entries()) {
    // Each reader is another member of the group, with their own token.
    const readerOptions = Array.from({ length: options.readersPerRoom }, (_, index) => ({
      url: placement.readerOf(roomIndex, index).roomUrl(room.name, index + 1),
      onRemoteApplied: (reader: BenchClient) => log.observe(reader, room),
    }));
    room.readers.push(...(await openSyncedClients(readerOptions)));
  }
  return rooms;
}

/** One keystroke: a Y.Text insert (sent by the writer's update handler) and a cursor move. */
function typeOne(room: Room): void {
  const text = room.writer.doc.getText(TEXT_NAME);
  const seq = text.length + 1;
  room.sentAt[seq] = performance.now();
  text.insert(text.length, 'x');
  room.sent = seq;
  room.awareness.setLocalStateField('cursor', { index: seq });
  room.writer.sendAwareness(encodeAwarenessUpdate(room.awareness, [room.writer.doc.clientID]));
}

/** Sends operations round-robin across writers at an even global pace; returns the elapsed ms. */
async function drive(rooms: Room[], rate: number, perRoomOps: number, durationMs: number): Promise<number> {
  const total = perRoomOps * rooms.length;
  const intervalMs = 1_000 / (rate * rooms.length);
  const start = performance.now();
  const deadline = start + durationMs + SEND_OVERRUN_MS;
  let index = 0;
  while (index < total && performance.now() < deadline) {
    const now = performance.now();
    while (index < total && start + index * intervalMs <= now) {
      const room = rooms[index % rooms.length];
      if (room !== undefined) {
        typeOne(room);
      }
      index += 1;
    }
    const wait = start + index * intervalMs - performance.now();
    await sleep(Math.max(0, wait));
  }
  return performance.now() - start;
}

function countDiverged(rooms: readonly Room[]): number {
  let diverged = 0;
  for (const room of rooms) {
    const vector = Buffer.from(Y.encodeStateVector(room.writer.doc));
    const text = room.writer.doc.getText(TEXT_NAME).toString();
    for (const reader of room.readers) {
      const isSame =
        vector.equals(Y.encodeStateVector(reader.doc)) && reader.doc.getText(TEXT_NAME).toString() === text;
      diverged += isSame ? 0 : 1;
    }
  }
  return diverged;
}

/** CPU time and RSS of each process of a placement, in its order. */
function sampleAll(placement: FanoutPlacement): ProcSample[] {
  return placement.processes.map((server) => server.sample());
}

function summed(samples: readonly ProcSample[]): ProcSample {
  return {
    cpuMs: samples.reduce((sum, each) => sum + each.cpuMs, 0),
    rssKb: samples.reduce((sum, each) => sum + each.rssKb, 0),
  };
}

/** One rate level on fresh rooms and clients, placed on the relay processes as `placement` says. */
export async function runFanoutLevel(
  placement: FanoutPlacement,
  options: FanoutOptions,
  rate: number,
): Promise<FanoutLevelResult> {
  const perRoomOps = Math.round((rate * options.levelDurationMs) / 1_000);
  const log = new DeliveryLog();
  const rooms = await openRooms(placement, options, perRoomOps, log);
  const clients = rooms.flatMap((room) => [room.writer, ...room.readers]);
  try {
    await sleep(200);
    const databaseUrl = placement.databaseUrl ?? null;
    const databaseBefore = databaseUrl === null ? null : await sampleDatabaseBackends(databaseUrl);
    const beforeEach = sampleAll(placement);
    const before = summed(beforeEach);
    const load = new LoadMonitor({ sample: () => summed(sampleAll(placement)) });
    const benchBefore = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const elapsedMs = await drive(rooms, rate, perRoomOps, options.levelDurationMs);
    const isDrained = () =>
      rooms.every((room) => room.readers.every((r) => r.doc.getText(TEXT_NAME).length >= room.sent));
    await waitUntil(isDrained, options.drainTimeoutMs);
    const afterEach = sampleAll(placement);
    const after = summed(afterEach);
    const benchCpu = process.cpuUsage(benchBefore);
    loopDelay.disable();
    const databaseCpuMs =
      databaseUrl === null || databaseBefore === null
        ? null
        : backendCpuMsBetween(databaseBefore, await sampleDatabaseBackends(databaseUrl));
    const operations = rooms.reduce((sum, room) => sum + room.sent, 0);
    const expectedDeliveries = operations * options.readersPerRoom;
    return {
      opsPerSecondPerWriter: rate,
      operations,
      achievedOpsPerSecond: round(operations / rooms.length / (elapsedMs / 1_000), 1),
      expectedDeliveries,
      deliveries: log.deliveries,
      lostDeliveries: expectedDeliveries - log.deliveries,
      divergedReplicas: countDiverged(rooms),
      deliveriesPerSecond: round(log.deliveries / (elapsedMs / 1_000), 0),
      latencyMs: roundSummary(summarize(log.latencies)),
      serverCpuMs: round(after.cpuMs - before.cpuMs, 0),
      serverCpuMsPerOp: round((after.cpuMs - before.cpuMs) / Math.max(1, operations), 4),
      processCpuMsPerOp: afterEach.map((sample, index) =>
        round((sample.cpuMs - (beforeEach[index]?.cpuMs ?? sample.cpuMs)) / Math.max(1, operations), 4),
      ),
      databaseCpuMsPerOp: databaseCpuMs === null ? null : round(databaseCpuMs / Math.max(1, operations), 4),
      serverRssKb: after.rssKb,
      benchCpuPercent: round(((benchCpu.user + benchCpu.system) / 1_000 / elapsedMs) * 100, 0),
      benchLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      otherCpuPercent: round(load.otherCpuPercent(), 0),
      unexpectedCloses: unexpectedCloseCodes(clients),
    };
  } finally {
    for (const room of rooms) {
      room.awareness.destroy();
    }
    await closeClients(clients);
  }
}

/**
 * Runs every rate level against every relay, alternating relays level by level (and which goes
 * first), so background load on a shared machine falls on both alike. Fresh rooms and clients per
 * level; an unreported warm-up level first on each relay, so JIT warm-up counts against neither.
 */
export async function runFanout(
  servers: readonly RunningServer[],
  options: FanoutOptions,
  log: (line: string) => void,
): Promise<Outcomes<FanoutLevelResult[]>> {
  const levels = new Map<ServerKind, FanoutLevelResult[]>(servers.map((server) => [server.kind, []]));
  const errors = new Map<ServerKind, string>();
  const attempt = async (server: RunningServer, step: () => Promise<void>) => {
    if (errors.has(server.kind)) {
      return;
    }
    try {
      await step();
    } catch (err) {
      errors.set(server.kind, err instanceof Error ? err.message : String(err));
      log(`fanout: ${server.kind} relay failed: ${errors.get(server.kind)}`);
    }
  };
  const middleRate = options.rates[Math.floor(options.rates.length / 2)] ?? 10;
  for (const server of servers) {
    await attempt(server, () =>
      runFanoutLevel(singleProcess(server), { ...options, levelDurationMs: options.warmupMs }, middleRate).then(),
    );
  }
  for (const [index, rate] of options.rates.entries()) {
    const order = index % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) {
      log(`fanout: ${rate} op/s per writer on the ${server.kind} relay`);
      await attempt(server, async () => {
        levels.get(server.kind)?.push(await runFanoutLevel(singleProcess(server), options, rate));
      });
    }
  }
  const outcomes: Outcomes<FanoutLevelResult[]> = {};
  for (const server of servers) {
    const error = errors.get(server.kind);
    outcomes[server.kind] =
      error === undefined ? { isOk: true, value: levels.get(server.kind) ?? [] } : { isOk: false, error };
  }
  return outcomes;
}
