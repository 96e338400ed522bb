import { BACKGROUND_SYNC_CONCURRENCY } from '../../client/core/sync';
import {
  atLeast,
  atMost,
  below,
  informational,
  metricRow,
  notAboveReference,
  type Outcomes,
  otherLoadRow,
  type Row,
  type Target,
} from '../lib/report';
import { inProcess, onEachServer, type RunContext, report, type Scenario, withAllServers } from '../lib/runScenario';
import { ServerKind } from '../lib/serverProcess';
import { type BackgroundSyncOptions, buildDrafts, runBackgroundSync } from './backgroundSync';
import { CLUSTER_SCENARIOS } from './clusterCatalog';
import { type ColdLoadOptions, runColdLoad } from './coldLoad';
import { type CommentRulesOptions, type CommentRulesResult, runCommentRules } from './commentRules';
import { type ConnectionsOptions, runConnections } from './connections';
import { type DeviceStorageOptions, runDeviceStorage, type StorageTimes } from './deviceStorage';
import { DUTY_SCENARIOS } from './dutyCatalog';
import { type FanoutLevelResult, type FanoutOptions, runFanout } from './fanout';
import { FIGURES_SCENARIOS } from './figuresCatalog';
import { FORMAL_SCENARIOS } from './formalCatalog';
import { type IngestOptions, runIngest } from './ingest';
import { LOAD_SCENARIOS } from './loadCatalog';
import { type OpenReviewOptions, runOpenReview } from './openReview';
import { type ReconnectOptions, runReconnect } from './reconnect';
import { SEARCH_SCENARIOS } from './searchCatalog';
import { runSubmitStorage, type SubmitStorageOptions, type SubmitStorageResult } from './submitStorage';
import { runVersionCompare, type VersionCompareOptions } from './versionCompare';

function fanoutOptions(context: RunContext): FanoutOptions {
  return {
    rooms: 20,
    readersPerRoom: 4,
    rates: [10, 50, 100],
    levelDurationMs: context.isQuick ? 3_000 : 10_000,
    drainTimeoutMs: 3_000,
    warmupMs: context.isQuick ? 1_000 : 2_000,
  };
}

interface LevelMetric {
  readonly metric: string;
  readonly pick: (level: FanoutLevelResult) => number;
  readonly digits: number;
  /** Judged at the highest rate only. */
  readonly target?: Target;
}

const FANOUT_METRICS: readonly LevelMetric[] = [
  { metric: 'latency p50 ms', pick: (l) => l.latencyMs.p50, digits: 2 },
  { metric: 'latency p95 ms', pick: (l) => l.latencyMs.p95, digits: 2 },
  { metric: 'latency p99 ms', pick: (l) => l.latencyMs.p99, digits: 2, target: atMost(10) },
  { metric: 'latency max ms', pick: (l) => l.latencyMs.max, digits: 1 },
  { metric: 'deliveries/s', pick: (l) => l.deliveriesPerSecond, digits: 0 },
  { metric: 'lost deliveries', pick: (l) => l.lostDeliveries, digits: 0, target: atMost(0) },
  { metric: 'diverged replicas', pick: (l) => l.divergedReplicas, digits: 0, target: atMost(0) },
  { metric: 'server CPU ms/op', pick: (l) => l.serverCpuMsPerOp, digits: 3, target: notAboveReference },
  { metric: 'server RSS MB', pick: (l) => l.serverRssKb / 1024, digits: 1 },
  { metric: 'bench loop delay p99 ms', pick: (l) => l.benchLoopDelayP99Ms, digits: 1 },
  { metric: 'other processes CPU %', pick: (l) => l.otherCpuPercent, digits: 0 },
];

function fanoutRows(outcomes: Outcomes<FanoutLevelResult[]>, rates: readonly number[]): Row[] {
  const topRate = Math.max(...rates);
  return rates.flatMap((rate) =>
    FANOUT_METRICS.map(({ metric, pick, digits, target }) => {
      const atRate = (levels: FanoutLevelResult[]) => {
        const level = levels.find((entry) => entry.opsPerSecondPerWriter === rate);
        return level === undefined ? null : pick(level);
      };
      const options = rate === topRate && target !== undefined ? { digits, target } : { digits };
      return metricRow(`fanout ${rate}/s`, metric, outcomes, atRate, options);
    }),
  );
}

const fanout: Scenario = {
  name: 'fanout',
  async run(context) {
    const options = fanoutOptions(context);
    const outcomes = await withAllServers(context, 'fanout', (servers) => runFanout(servers, options, context.log));
    return report('fanout', outcomes, fanoutRows(outcomes, options.rates), options);
  },
};

const connections: Scenario = {
  name: 'connections',
  async run(context) {
    const options: ConnectionsOptions = {
      connections: 2_000,
      rooms: 100,
      concurrency: 200,
      idleMs: context.isQuick ? 2_000 : 5_000,
      longIdleMs: context.isQuick ? 0 : 31_000,
    };
    const outcomes = await onEachServer(context, 'connections', (server) => runConnections(server, options));
    const name = `connections ${options.connections}`;
    const rows = [
      metricRow(name, 'synced', outcomes, (r) => r.synced, { digits: 0, target: atLeast(options.connections) }),
      metricRow(name, 'all synced ms', outcomes, (r) => r.allSyncedMs, { digits: 0, target: below(3_000) }),
      metricRow(name, 'handshake p50 ms', outcomes, (r) => r.handshakeMs.p50, { digits: 1 }),
      metricRow(name, 'handshake p99 ms', outcomes, (r) => r.handshakeMs.p99, { digits: 1 }),
      metricRow(name, 'server CPU ms/handshake', outcomes, (r) => r.serverCpuMsPerHandshake, { digits: 3 }),
      metricRow(name, 'RSS KB/connection', outcomes, (r) => r.rssPerConnectionKb, { target: atMost(15) }),
      metricRow(name, 'RSS KB/connection after idle', outcomes, (r) => r.settledRssPerConnectionKb),
      metricRow(name, 'idle CPU ms/s (5 s)', outcomes, (r) => r.idleCpuMsPerSecond, { target: atMost(5) }),
      metricRow(name, 'idle CPU ms/s (31 s)', outcomes, (r) => r.longIdleCpuMsPerSecond),
      otherLoadRow(name, outcomes),
    ];
    return report('connections', outcomes, rows, options);
  },
};

const coldLoad: Scenario = {
  name: 'cold-load',
  async run(context) {
    const options: ColdLoadOptions = {
      historyUpdates: context.isQuick ? 5_000 : 20_000,
      repeats: context.isQuick ? 3 : 5,
      unloadWaitMs: 1_000,
    };
    const outcomes = await onEachServer(context, 'cold-load', (server) => runColdLoad(server, options));
    const name = `cold load ${options.historyUpdates}`;
    const rows = [
      metricRow(name, 'history build ms', outcomes, (r) => r.buildMs, { digits: 0 }),
      metricRow(name, 'in memory median ms', outcomes, (r) => r.inMemory.medianMs),
      metricRow(name, 'in memory max ms', outcomes, (r) => r.inMemory.maxMs, { target: below(50) }),
      metricRow(name, 'after unload median ms', outcomes, (r) => r.afterUnload.medianMs),
      metricRow(name, 'after unload max ms', outcomes, (r) => r.afterUnload.maxMs, { target: below(50) }),
      otherLoadRow(name, outcomes),
    ];
    return report('cold-load', outcomes, rows, options);
  },
};

const reconnect: Scenario = {
  name: 'reconnect',
  async run(context) {
    const options: ReconnectOptions = {
      baseChars: 2_000,
      offlineEdits: 500,
      offlineBurst: 50,
      onlineEdits: 50,
      seed: 7,
    };
    const outcomes = await onEachServer(context, 'reconnect', (server) => runReconnect(server, options));
    const name = 'reconnect';
    const rows = [
      metricRow(name, 'up bytes', outcomes, (r) => r.upBytes, { digits: 0 }),
      metricRow(name, 'up minimal bytes', outcomes, (r) => r.upMinimalBytes, { digits: 0 }),
      metricRow(name, 'up ratio', outcomes, (r) => r.upRatio, { digits: 2, target: atMost(1.1) }),
      metricRow(name, 'down bytes', outcomes, (r) => r.downBytes, { digits: 0 }),
      metricRow(name, 'down minimal bytes', outcomes, (r) => r.downMinimalBytes, { digits: 0 }),
      metricRow(name, 'down ratio', outcomes, (r) => r.downRatio, { digits: 2, target: atMost(1.5) }),
      metricRow(name, 'converged (1 = yes)', outcomes, (r) => (r.isConverged ? 1 : 0), {
        digits: 0,
        target: atLeast(1),
      }),
      metricRow(name, 'converge ms', outcomes, (r) => r.convergeMs),
      otherLoadRow(name, outcomes),
    ];
    return report('reconnect', outcomes, rows, options);
  },
};

const ingest: Scenario = {
  name: 'ingest',
  async run(context) {
    const options: IngestOptions = { updates: context.isQuick ? 20_000 : 100_000, rooms: 100, batchSize: 50 };
    const outcomes = await inProcess(context, 'ingest', () => runIngest(options));
    const name = `ingest ${options.updates}`;
    const rows = [
      metricRow(name, 'updates/s', outcomes, (r) => r.updatesPerSecond, { digits: 0, target: atLeast(10_000) }),
      metricRow(name, 'batches/s', outcomes, (r) => r.batchesPerSecond, { digits: 0 }),
      metricRow(name, 'batch write p99 ms', outcomes, (r) => r.batchWriteMs.p99, { digits: 2 }),
      metricRow(name, 'batch write max ms', outcomes, (r) => r.batchWriteMs.max, { digits: 2 }),
      metricRow(name, 'database MB', outcomes, (r) => r.databaseBytes / 1024 / 1024, { digits: 1 }),
      otherLoadRow(name, outcomes),
    ];
    return report('ingest', outcomes, rows, options);
  },
};

const backgroundSync: Scenario = {
  name: 'background-sync',
  async run(context) {
    const options: BackgroundSyncOptions = {
      documents: context.isQuick ? 50 : 200,
      // The browser's own figure, so the scenario keeps measuring what a new device does.
      concurrency: BACKGROUND_SYNC_CONCURRENCY,
      unloadWaitMs: 1_500,
    };
    const charsPerDocument = 5_000;
    // Built once, so both relays serve the very same documents.
    const drafts = buildDrafts(options.documents, charsPerDocument, 11);
    const outcomes = await onEachServer(context, 'background-sync', (server) =>
      runBackgroundSync(server, options, drafts),
    );
    const name = `background sync ${options.documents}`;
    const rows = [
      metricRow(name, 'documents synced', outcomes, (r) => r.synced, { digits: 0, target: atLeast(options.documents) }),
      metricRow(name, 'total ms', outcomes, (r) => r.totalMs, { digits: 0 }),
      metricRow(name, 'per document p50 ms', outcomes, (r) => r.perDocumentMs.p50),
      metricRow(name, 'per document p99 ms', outcomes, (r) => r.perDocumentMs.p99),
      metricRow(name, 'KB received', outcomes, (r) => r.bytesReceived / 1024, { digits: 0 }),
      metricRow(name, 'KB sent', outcomes, (r) => r.bytesSent / 1024, { digits: 1 }),
      metricRow(name, 'received / minimal', outcomes, (r) => r.bytesReceived / r.minimalBytes, { digits: 3 }),
      metricRow(name, 'server CPU ms/document', outcomes, (r) => r.serverCpuMs / r.documents, { digits: 2 }),
      otherLoadRow(name, outcomes),
    ];
    return report('background-sync', outcomes, rows, { ...options, charsPerDocument });
  },
};

const versionCompare: Scenario = {
  name: 'version-compare',
  async run(context) {
    const options: VersionCompareOptions = { chars: 50_000, edits: 300, runs: context.isQuick ? 5 : 15, seed: 5 };
    const outcomes = await inProcess(context, 'version-compare', () => runVersionCompare(options));
    const name = `version compare ${options.chars / 1000}k chars`;
    const rows = [
      metricRow(name, 'two versions median ms', outcomes, (r) => r.compareMs.p50),
      metricRow(name, 'two versions p95 ms', outcomes, (r) => r.compareMs.p95, { target: below(200) }),
      metricRow(name, 'since version (live) median ms', outcomes, (r) => r.sinceLiveMs.p50),
      metricRow(name, 'since version (live) p95 ms', outcomes, (r) => r.sinceLiveMs.p95, { target: below(200) }),
      metricRow(name, 'one version median ms', outcomes, (r) => r.renderMs.p50),
      metricRow(name, 'changed runs', outcomes, (r) => r.insertedSegments + r.deletedSegments, { digits: 0 }),
      otherLoadRow(name, outcomes),
    ];
    return report('version-compare', outcomes, rows, options);
  },
};

const openReview: Scenario = {
  name: 'open-review',
  async run(context) {
    const options: OpenReviewOptions = {
      chars: 20_000,
      threads: 500,
      versions: 30,
      editsPerVersion: 10,
      repeats: context.isQuick ? 3 : 5,
      unloadWaitMs: 1_000,
      seed: 9,
    };
    // The reference relay has no API (versions, activity): only ours runs this one.
    const ours = { ...context, servers: context.servers.filter((kind) => kind === ServerKind.ours) };
    const outcomes = await onEachServer(ours, 'open-review', (server) => runOpenReview(server, options));
    const name = `open review ${options.threads} threads ${options.versions} versions`;
    const rows = [
      metricRow(name, 'open median ms', outcomes, (r) => r.openMs.p50),
      metricRow(name, 'open p95 ms', outcomes, (r) => r.openMs.p95, { target: below(1_500) }),
      metricRow(name, 'content sync median ms', outcomes, (r) => r.contentSyncMs.p50),
      metricRow(name, 'comments sync median ms', outcomes, (r) => r.commentsSyncMs.p50),
      metricRow(name, 'activity median ms', outcomes, (r) => r.activityMs.p50),
      metricRow(name, 'list threads median ms', outcomes, (r) => r.listThreadsMs.p50),
      metricRow(name, 'threads listed', outcomes, (r) => r.threadsListed, {
        digits: 0,
        target: atLeast(options.threads),
      }),
      metricRow(name, 'versions listed', outcomes, (r) => r.versionsListed, {
        digits: 0,
        target: atLeast(options.versions),
      }),
      metricRow(name, 'KB content', outcomes, (r) => r.contentBytes / 1024, { digits: 0 }),
      metricRow(name, 'KB comments', outcomes, (r) => r.commentsBytes / 1024, { digits: 0 }),
      metricRow(name, 'KB activity', outcomes, (r) => r.activityBytes / 1024, { digits: 0 }),
      otherLoadRow(name, outcomes),
    ];
    return report('open-review', outcomes, rows, options);
  },
};

const SUBMIT_FIGURES: readonly {
  readonly metric: string;
  readonly pick: (f: SubmitStorageResult['median']) => number;
}[] = [
  { metric: 'readonly transactions', pick: (f) => f.readonlyTransactions },
  { metric: 'readwrite transactions', pick: (f) => f.readwriteTransactions },
  { metric: 'reads', pick: (f) => f.reads },
  { metric: 'writes', pick: (f) => f.writes },
  { metric: 'cursor steps (in reads)', pick: (f) => f.cursorSteps },
  { metric: 'requests (reads + writes)', pick: (f) => f.requests },
];

/** Median and max of each figure, then the median run's stores, busiest first. */
function submitStorageRows(name: string, outcomes: Outcomes<SubmitStorageResult>): Row[] {
  const figures = SUBMIT_FIGURES.flatMap(({ metric, pick }) => [
    metricRow(name, `${metric} median`, outcomes, (r) => pick(r.median), { digits: 0 }),
    metricRow(name, `${metric} max`, outcomes, (r) => pick(r.max), { digits: 0 }),
  ]);
  const ours = outcomes.ours;
  const stores = ours?.isOk === true ? ours.value.medianRun.stores : [];
  const storeRow = (metric: string, value: string): Row => ({
    scenario: name,
    metric: `median run: ${metric}`,
    ours: value,
    reference: '-',
    target: '',
    verdict: '',
  });
  const storeRows = stores.flatMap((store) => [
    storeRow(
      `${store.store} reads / writes / cursor steps / transactions`,
      `${store.reads} / ${store.writes} / ${store.cursorSteps} / ${store.transactions}`,
    ),
    // Shown only for a store one of whose rows was written more than once in the submit.
    ...(store.maxWritesOfOneKey > 1
      ? [storeRow(`${store.store} most writes of one key`, String(store.maxWritesOfOneKey))]
      : []),
  ]);
  return [
    ...figures,
    metricRow(name, 'last request after the click ms median', outcomes, (r) => r.median.lastRequestMs, { digits: 0 }),
    metricRow(name, 'HTTP requests median', outcomes, (r) => r.median.httpRequests, { digits: 0 }),
    ...storeRows,
    otherLoadRow(name, outcomes),
  ].map(informational);
}

const submitStorage: Scenario = {
  name: 'submit-storage',
  async run(context) {
    const options: SubmitStorageOptions = {
      runs: context.isQuick ? 3 : 5,
      // Beyond the 5 s after which the workspace uploads an edit's unsent changes (WorkspaceRuntime).
      settleQuietMs: 6_000,
      // A submit's requests all come within a few hundred ms here; waiting 8 s instead counted the same.
      submitQuietMs: 1_500,
      waitTimeoutMs: 30_000,
      // Under onEachServer's 4 min, so that this scenario closes its browser before the relay stops.
      timeoutMs: 3 * 60_000,
    };
    // The reference relay serves no app and has no API: only ours runs this one.
    const ours = { ...context, servers: context.servers.filter((kind) => kind === ServerKind.ours) };
    const outcomes = await onEachServer(ours, 'submit-storage', (server) =>
      runSubmitStorage(server, options, context.log),
    );
    return report('submit-storage', outcomes, submitStorageRows('submit storage', outcomes), options);
  },
};

const deviceStorage: Scenario = {
  name: 'device-storage',
  async run(context) {
    const options: DeviceStorageOptions = {
      chars: 20_000,
      unsentRows: 100,
      listedDocs: 100,
      keystrokes: context.isQuick ? 100 : 300,
      runs: context.isQuick ? 5 : 15,
      seed: 11,
    };
    const outcomes = await inProcess(context, 'device-storage', () => runDeviceStorage(options));
    const name = `device storage ${options.chars / 1000}k chars`;
    const pairs: [string, (times: StorageTimes) => number][] = [
      ['open median ms', (times) => times.openMs.p50],
      ['open p95 ms', (times) => times.openMs.p95],
      ['keystroke median ms', (times) => times.keystrokeMs.p50],
      ['keystroke p95 ms', (times) => times.keystrokeMs.p95],
      ['reload median ms', (times) => times.reloadMs.p50],
    ];
    const rows = [
      ...pairs.flatMap(([metric, pick]) => [
        informational(metricRow(name, `clear ${metric}`, outcomes, (r) => pick(r.plain), { digits: 3 })),
        informational(metricRow(name, `sealed ${metric}`, outcomes, (r) => pick(r.sealed), { digits: 3 })),
      ]),
      informational(metricRow(name, 'AES-GCM seal MB/s', outcomes, (r) => r.sealMBps, { digits: 1 })),
      informational(metricRow(name, 'AES-GCM open MB/s', outcomes, (r) => r.openMBps, { digits: 1 })),
      otherLoadRow(name, outcomes),
    ];
    return report('device-storage', outcomes, rows, options);
  },
};

function commentRulesRows(name: string, outcomes: Outcomes<CommentRulesResult>, target?: Target): Row[] {
  return [
    metricRow(name, 'plain apply median us/update', outcomes, (r) => r.plainUs.p50),
    metricRow(name, 'plain apply p95 us/update', outcomes, (r) => r.plainUs.p95),
    metricRow(name, 'judged median us/update', outcomes, (r) => r.judgedUs.p50),
    metricRow(name, 'judged p95 us/update', outcomes, (r) => r.judgedUs.p95, target === undefined ? {} : { target }),
    metricRow(name, 'rules cost median us/update', outcomes, (r) => r.extraUsP50),
    metricRow(name, 'update bytes', outcomes, (r) => r.updateBytes, { digits: 0 }),
    otherLoadRow(name, outcomes),
  ];
}

const commentRules: Scenario = {
  name: 'comment-rules',
  async run(context) {
    const updates = context.isQuick ? 900 : 3000;
    // A typical review, judged against a target: a comment is one update per person and action,
    // and 2 ms of relay time per update goes unnoticed. Then long threads, informational: a
    // reply there lists every comment of its thread.
    const shapes: { options: CommentRulesOptions; target?: Target }[] = [
      { options: { threads: 200, commentsPerThread: 10, updates, seed: 11 }, target: below(2000) },
      { options: { threads: 20, commentsPerThread: 400, updates, seed: 12 } },
    ];
    const reports = [];
    for (const { options, target } of shapes) {
      const outcomes = await inProcess(context, 'comment-rules', () => runCommentRules(options));
      const name = `comment rules ${options.threads} threads x ${options.commentsPerThread}`;
      reports.push(report('comment-rules', outcomes, commentRulesRows(name, outcomes, target), options));
    }
    return {
      rows: reports.flatMap((each) => each.rows),
      hasError: reports.some((each) => each.hasError),
      json: { scenario: 'comment-rules', runs: reports.map((each) => each.json) },
    };
  },
};

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: readonly Scenario[] = [
  fanout,
  connections,
  coldLoad,
  reconnect,
  backgroundSync,
  ingest,
  versionCompare,
  openReview,
  submitStorage,
  deviceStorage,
  commentRules,
  ...FORMAL_SCENARIOS,
  ...FIGURES_SCENARIOS,
  ...SEARCH_SCENARIOS,
  ...DUTY_SCENARIOS,
  ...LOAD_SCENARIOS,
  ...CLUSTER_SCENARIOS,
];
