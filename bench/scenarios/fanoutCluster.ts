import { DeploymentKind, type RunningDeployment } from '../lib/benchDeployment';
import type { BenchServices } from '../lib/benchServices';
import type { Outcomes } from '../lib/report';
import { onDeployment, type RunContext } from '../lib/runScenario';
import type { RunningServer } from '../lib/serverProcess';
import {
  type FanoutLevelResult,
  type FanoutOptions,
  type FanoutPlacement,
  runFanoutLevel,
  singleProcess,
} from './fanout';

/** Load shape of the scaled-out fan-out scenario: one rate, the same rooms and readers as `fanout`. */
export interface FanoutClusterOptions extends Omit<FanoutOptions, 'rates'> {
  /** Operations per second per writer. */
  readonly rate: number;
}

/** One way of serving the fan-out load: a deployment and where its connections go. */
interface Setup {
  readonly name: string;
  place(processes: readonly RunningServer[]): FanoutPlacement;
}

/** The fan-out figures of one setup. */
export interface FanoutSetupOutcome {
  readonly setup: string;
  readonly deployment: DeploymentKind;
  readonly outcomes: Outcomes<FanoutLevelResult>;
}

function processAt(processes: readonly RunningServer[], index: number): RunningServer {
  const server = processes[index % processes.length];
  if (server === undefined) {
    throw new Error('A deployment without processes cannot take connections');
  }
  return server;
}

/** Every writer on process A, every reader on process B: each operation crosses Redis. */
const split: Setup = {
  name: 'writers on A, readers on B',
  place: (processes) => ({
    processes,
    writerOf: () => processAt(processes, 0),
    readerOf: () => processAt(processes, 1),
  }),
};

/** Writers alternate between the processes by room, and each room's readers are spread over both. */
const mixed: Setup = {
  name: 'mixed',
  place: (processes) => ({
    processes,
    writerOf: (room) => processAt(processes, room),
    readerOf: (room, reader) => processAt(processes, room + reader),
  }),
};

const single: Setup = { name: '1 process', place: (processes) => singleProcess(processAt(processes, 0)) };

/** The baselines first, then the two-process deployment in both placements. */
const SETUPS: readonly { readonly deployment: DeploymentKind; readonly setups: readonly Setup[] }[] = [
  { deployment: DeploymentKind.sqlite, setups: [single] },
  { deployment: DeploymentKind.postgres, setups: [single] },
  { deployment: DeploymentKind.cluster, setups: [split, mixed] },
];

async function runSetups(
  deployment: RunningDeployment,
  setups: readonly Setup[],
  options: FanoutClusterOptions,
  log: (line: string) => void,
): Promise<Map<string, FanoutLevelResult>> {
  const fanout: FanoutOptions = { ...options, rates: [options.rate] };
  const first = setups[0];
  if (first !== undefined) {
    // Unreported, so JIT warm-up of the processes counts against no setup.
    await runFanoutLevel(
      first.place(deployment.processes),
      { ...fanout, levelDurationMs: options.warmupMs },
      options.rate,
    );
  }
  const results = new Map<string, FanoutLevelResult>();
  for (const setup of setups) {
    log(`fanout-cluster: ${options.rate} op/s per writer, ${deployment.kind}, ${setup.name}`);
    const placement = { ...setup.place(deployment.processes), databaseUrl: deployment.databaseUrl };
    results.set(setup.name, await runFanoutLevel(placement, fanout, options.rate));
  }
  return results;
}

/**
 * Runs the fan-out load at one rate on a SQLite process, a PostgreSQL process and two processes
 * on PostgreSQL and Redis (writers and readers apart, then mixed), one deployment at a time.
 */
export async function runFanoutCluster(
  context: RunContext,
  services: BenchServices,
  options: FanoutClusterOptions,
): Promise<FanoutSetupOutcome[]> {
  const results: FanoutSetupOutcome[] = [];
  for (const { deployment, setups } of SETUPS) {
    const outcomes = await onDeployment(context, 'fanout-cluster', { kind: deployment, services, processes: 2 }, (d) =>
      runSetups(d, setups, options, context.log),
    );
    const whole = outcomes.ours;
    for (const setup of setups) {
      const level = whole?.isOk === true ? whole.value.get(setup.name) : undefined;
      const outcome =
        whole === undefined || !whole.isOk
          ? (whole ?? { isOk: false as const, error: 'not run' })
          : level === undefined
            ? { isOk: false as const, error: `${setup.name} was not measured` }
            : { isOk: true as const, value: level, otherCpuPercent: level.otherCpuPercent };
      results.push({ setup: `${deployment}, ${setup.name}`, deployment, outcomes: { ours: outcome } });
    }
  }
  return results;
}
