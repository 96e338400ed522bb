import { DeploymentKind } from '../lib/benchDeployment';
import { StoreBackend } from '../lib/benchDocStores';
import { type BenchServices, benchServices, unreachableServices } from '../lib/benchServices';
import { atLeast, atMost, below, informational, metricRow, type Outcomes, otherLoadRow, type Row } from '../lib/report';
import {
  inProcess,
  onDeployment,
  type RunContext,
  report,
  type Scenario,
  type ScenarioReport,
  skippedReport,
} from '../lib/runScenario';
import { ServerKind } from '../lib/serverProcess';
import { type ColdLoadOptions, runColdLoad, runStoreColdLoad } from './coldLoad';
import { type ConnectionsClusterOptions, runConnectionsCluster } from './connectionsCluster';
import type { FanoutLevelResult } from './fanout';
import { type FanoutClusterOptions, runFanoutCluster } from './fanoutCluster';
import { runIngest } from './ingest';

/** The services a scaled-out scenario needs, or the report saying why it is skipped. */
async function servicesOr(
  context: RunContext,
  name: string,
  needs: { readonly redis: boolean },
): Promise<BenchServices | ScenarioReport> {
  if (!context.servers.includes(ServerKind.ours)) {
    return skippedReport(name, 'it measures our relay only (--servers has no "ours")');
  }
  const services = benchServices();
  const problem = await unreachableServices(services, needs);
  if (problem !== null) {
    context.log(`${name}: skipped: ${problem}`);
    return skippedReport(name, problem);
  }
  return services;
}

function isReport(value: BenchServices | ScenarioReport): value is ScenarioReport {
  return 'rows' in value;
}

/** One report of several parts, each with its own outcomes and options. */
function combined(name: string, parts: readonly ScenarioReport[]): ScenarioReport {
  return {
    rows: parts.flatMap((part) => part.rows),
    hasError: parts.some((part) => part.hasError),
    json: { scenario: name, runs: parts.map((part) => part.json) },
  };
}

const BACKENDS = [StoreBackend.sqlite, StoreBackend.postgres] as const;

const storage: Scenario = {
  name: 'storage',
  async run(context) {
    const services = await servicesOr(context, 'storage', { redis: false });
    if (isReport(services)) {
      return services;
    }
    const databaseUrl = services.databaseUrl;
    const parts: ScenarioReport[] = [];
    for (const backend of BACKENDS) {
      const options = { updates: context.isQuick ? 5_000 : 20_000, rooms: 20, batchSize: 20, backend, databaseUrl };
      const outcomes = await inProcess(context, `storage ingest ${backend}`, () => runIngest(options));
      const name = `storage ingest ${backend}`;
      const rows = [
        informational(metricRow(name, 'updates/s', outcomes, (r) => r.updatesPerSecond, { digits: 0 })),
        metricRow(name, 'batch write p50 ms', outcomes, (r) => r.batchWriteMs.p50, { digits: 2 }),
        metricRow(name, 'batch write p99 ms', outcomes, (r) => r.batchWriteMs.p99, { digits: 2 }),
        metricRow(name, 'batch write max ms', outcomes, (r) => r.batchWriteMs.max, { digits: 2 }),
        otherLoadRow(name, outcomes),
      ];
      parts.push(report('storage', outcomes, rows, { ...options, databaseUrl: undefined }));
    }
    const historyUpdates = context.isQuick ? 5_000 : 20_000;
    const repeats = context.isQuick ? 3 : 5;
    for (const backend of BACKENDS) {
      const options = { backend, databaseUrl, historyUpdates, repeats };
      const outcomes = await inProcess(context, `storage load ${backend}`, () => runStoreColdLoad(options));
      const name = `storage load() ${historyUpdates} ${backend}`;
      const rows = [
        metricRow(name, 'load median ms', outcomes, (r) => r.load.medianMs),
        metricRow(name, 'Y.Doc build median ms', outcomes, (r) => r.build.medianMs),
        informational(metricRow(name, 'load + build max ms', outcomes, (r) => r.total.maxMs)),
        otherLoadRow(name, outcomes),
      ];
      parts.push(report('storage', outcomes, rows, { ...options, databaseUrl: undefined }));
    }
    const coldOptions: ColdLoadOptions = { historyUpdates, repeats, unloadWaitMs: 1_000 };
    for (const kind of [DeploymentKind.sqlite, DeploymentKind.postgres]) {
      const outcomes = await onDeployment(context, `storage cold load ${kind}`, { kind, services }, (deployment) =>
        runColdLoad(deployment.processes[0] ?? failNoProcess(), coldOptions),
      );
      const name = `storage server cold load ${historyUpdates} ${kind}`;
      const rows = [
        metricRow(name, 'in memory median ms', outcomes, (r) => r.inMemory.medianMs),
        metricRow(name, 'after unload median ms', outcomes, (r) => r.afterUnload.medianMs),
        metricRow(name, 'after unload max ms', outcomes, (r) => r.afterUnload.maxMs, { target: below(50) }),
        otherLoadRow(name, outcomes),
      ];
      parts.push(report('storage', outcomes, rows, { ...coldOptions, deployment: kind }));
    }
    return combined('storage', parts);
  },
};

function failNoProcess(): never {
  throw new Error('The deployment started no process');
}

function fanoutClusterRows(
  name: string,
  outcomes: Outcomes<FanoutLevelResult>,
  isCluster: boolean,
  sqliteCpuMsPerOp: number | null,
): Row[] {
  const processRows = (isCluster ? ['A', 'B'] : ['A']).map((label, index) =>
    metricRow(name, `process ${label} CPU ms/op`, outcomes, (r) => r.processCpuMsPerOp[index] ?? null, { digits: 3 }),
  );
  return [
    metricRow(name, 'latency p50 ms', outcomes, (r) => r.latencyMs.p50, { digits: 2 }),
    metricRow(name, 'latency p99 ms', outcomes, (r) => r.latencyMs.p99, {
      digits: 2,
      ...(isCluster ? { target: atMost(15) } : {}),
    }),
    metricRow(name, 'latency max ms', outcomes, (r) => r.latencyMs.max, { digits: 1 }),
    metricRow(name, 'lost deliveries', outcomes, (r) => r.lostDeliveries, { digits: 0, target: atMost(0) }),
    metricRow(name, 'diverged replicas', outcomes, (r) => r.divergedReplicas, { digits: 0, target: atMost(0) }),
    metricRow(name, 'all processes CPU ms/op', outcomes, (r) => r.serverCpuMsPerOp, { digits: 3 }),
    ...processRows,
    metricRow(name, 'PostgreSQL backends CPU ms/op', outcomes, (r) => r.databaseCpuMsPerOp, { digits: 3 }),
    informational(
      metricRow(
        name,
        'CPU/op vs SQLite 1 process',
        outcomes,
        (r) => (sqliteCpuMsPerOp === null || sqliteCpuMsPerOp <= 0 ? null : r.serverCpuMsPerOp / sqliteCpuMsPerOp),
        { digits: 2 },
      ),
    ),
    metricRow(name, 'bench loop delay p99 ms', outcomes, (r) => r.benchLoopDelayP99Ms, { digits: 1 }),
    otherLoadRow(name, outcomes),
  ];
}

const fanoutCluster: Scenario = {
  name: 'fanout-cluster',
  async run(context) {
    const services = await servicesOr(context, 'fanout-cluster', { redis: true });
    if (isReport(services)) {
      return services;
    }
    const options: FanoutClusterOptions = {
      rooms: 20,
      readersPerRoom: 4,
      rate: 100,
      levelDurationMs: context.isQuick ? 3_000 : 10_000,
      drainTimeoutMs: 3_000,
      warmupMs: context.isQuick ? 1_000 : 2_000,
    };
    const setups = await runFanoutCluster(context, services, options);
    const baseline = setups.find((entry) => entry.deployment === DeploymentKind.sqlite)?.outcomes.ours;
    const sqliteCpuMsPerOp = baseline?.isOk === true ? baseline.value.serverCpuMsPerOp : null;
    const parts = setups.map(({ setup, deployment, outcomes }) => {
      const name = `fanout ${options.rate}/s ${setup}`;
      const isCluster = deployment === DeploymentKind.cluster;
      return report('fanout-cluster', outcomes, fanoutClusterRows(name, outcomes, isCluster, sqliteCpuMsPerOp), {
        ...options,
        setup,
      });
    });
    return combined('fanout-cluster', parts);
  },
};

const connectionsCluster: Scenario = {
  name: 'connections-cluster',
  async run(context) {
    const services = await servicesOr(context, 'connections-cluster', { redis: true });
    if (isReport(services)) {
      return services;
    }
    const options: ConnectionsClusterOptions = { connections: 4_000, rooms: 100, concurrency: 200 };
    const outcomes = await onDeployment(
      context,
      'connections-cluster',
      { kind: DeploymentKind.cluster, processes: 2, services },
      (deployment) => runConnectionsCluster(deployment, options),
    );
    const name = `connections ${options.connections} over 2 processes`;
    const perProcess = ['A', 'B'].flatMap((label, index) => [
      metricRow(name, `process ${label} synced`, outcomes, (r) => r.processes[index]?.synced ?? null, { digits: 0 }),
      metricRow(
        name,
        `process ${label} handshake p99 ms`,
        outcomes,
        (r) => r.processes[index]?.handshakeMs.p99 ?? null,
      ),
      metricRow(
        name,
        `process ${label} CPU ms/handshake`,
        outcomes,
        (r) => r.processes[index]?.cpuMsPerHandshake ?? null,
        {
          digits: 3,
        },
      ),
      metricRow(
        name,
        `process ${label} RSS KB/connection`,
        outcomes,
        (r) => r.processes[index]?.rssPerConnectionKb ?? null,
      ),
    ]);
    const rows = [
      metricRow(name, 'synced', outcomes, (r) => r.synced, { digits: 0, target: atLeast(options.connections) }),
      metricRow(name, 'all synced ms', outcomes, (r) => r.allSyncedMs, { digits: 0, target: below(3_000) }),
      metricRow(name, 'handshake p50 ms', outcomes, (r) => r.handshakeMs.p50),
      metricRow(name, 'handshake p99 ms', outcomes, (r) => r.handshakeMs.p99),
      ...perProcess,
      metricRow(name, 'PostgreSQL backends CPU ms/handshake', outcomes, (r) => r.databaseCpuMsPerHandshake, {
        digits: 3,
      }),
      metricRow(name, 'bench CPU %', outcomes, (r) => r.benchCpuPercent, { digits: 0 }),
      otherLoadRow(name, outcomes),
    ];
    return report('connections-cluster', outcomes, rows, options);
  },
};

/** The scenarios of the scaled-out deployment (PostgreSQL, Redis, several processes). */
export const CLUSTER_SCENARIOS: readonly Scenario[] = [storage, fanoutCluster, connectionsCluster];
