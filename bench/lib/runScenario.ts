import { type DeploymentOptions, type RunningDeployment, startDeployment } from './benchDeployment';
import { LoadMonitor } from './LoadMonitor';
import { type Outcome, type Outcomes, outcomesJson, type Row } from './report';
import { type RunningServer, type ServerKind, startServer } from './serverProcess';
import { withTimeout } from './waitFor';

/** What every scenario run gets from the command line. */
export interface RunContext {
  readonly servers: readonly ServerKind[];
  /** Extra node flags for the relay processes (e.g. --cpu-prof). */
  readonly nodeArgs: readonly string[];
  readonly isQuick: boolean;
  /** Progress output (stderr), kept apart from the table and JSON lines on stdout. */
  readonly log: (line: string) => void;
}

/** The table rows and the JSON line of one scenario. */
export interface ScenarioReport {
  readonly rows: Row[];
  readonly json: Record<string, unknown>;
  readonly hasError: boolean;
}

/** A benchmark scenario as main.ts runs it. */
export interface Scenario {
  readonly name: string;
  run(context: RunContext): Promise<ScenarioReport>;
}

/** Longest one scenario may run against one relay before it is abandoned and the relay killed. */
const SCENARIO_TIMEOUT_MS = 4 * 60_000;

function failure(err: unknown): Outcome<never> {
  return { isOk: false, error: err instanceof Error ? err.message : String(err) };
}

/** Runs `run` against a fresh relay process of each kind in turn, one at a time. */
export async function onEachServer<T>(
  context: RunContext,
  name: string,
  run: (server: RunningServer) => Promise<T>,
): Promise<Outcomes<T>> {
  const outcomes: Outcomes<T> = {};
  for (const kind of context.servers) {
    context.log(`${name}: ${kind} relay`);
    let server: RunningServer | null = null;
    try {
      server = await startServer(kind, { nodeArgs: context.nodeArgs });
      const load = new LoadMonitor(server);
      const value = await withTimeout(run(server), SCENARIO_TIMEOUT_MS, `${name} on the ${kind} relay`);
      outcomes[kind] = { isOk: true, value, otherCpuPercent: load.otherCpuPercent() };
    } catch (err) {
      outcomes[kind] = failure(err);
      context.log(`${name}: ${kind} relay failed: ${outcomes[kind].isOk ? '' : outcomes[kind].error}`);
    } finally {
      await server?.stop();
    }
  }
  return outcomes;
}

/**
 * Starts one relay of each kind and keeps them all up while `run` alternates the load between
 * them, so that both see the same background noise of a shared machine. A relay that fails to
 * start gets an error outcome; `run` gets the others.
 */
export async function withAllServers<T>(
  context: RunContext,
  name: string,
  run: (servers: readonly RunningServer[]) => Promise<Outcomes<T>>,
): Promise<Outcomes<T>> {
  const servers: RunningServer[] = [];
  const outcomes: Outcomes<T> = {};
  try {
    for (const kind of context.servers) {
      try {
        servers.push(await startServer(kind, { nodeArgs: context.nodeArgs }));
      } catch (err) {
        outcomes[kind] = failure(err);
        context.log(`${name}: ${kind} relay failed to start: ${outcomes[kind].isOk ? '' : outcomes[kind].error}`);
      }
    }
    Object.assign(outcomes, await withTimeout(run(servers), 2 * SCENARIO_TIMEOUT_MS, name));
  } catch (err) {
    for (const server of servers) {
      outcomes[server.kind] = failure(err);
    }
  } finally {
    for (const server of servers) {
      await server.stop();
    }
  }
  return outcomes;
}

/**
 * Runs `run` against a fresh deployment of our relay (one process or several, on SQLite or
 * PostgreSQL), stopping it and deleting its data after; the outcome is filed under `ours`.
 */
export async function onDeployment<T>(
  context: RunContext,
  name: string,
  options: Omit<DeploymentOptions, 'nodeArgs'>,
  run: (deployment: RunningDeployment) => Promise<T>,
): Promise<Outcomes<T>> {
  context.log(`${name}: ${options.kind} deployment`);
  let deployment: RunningDeployment | null = null;
  try {
    deployment = await startDeployment({ ...options, nodeArgs: context.nodeArgs });
    const load = new LoadMonitor(deployment);
    const value = await withTimeout(run(deployment), SCENARIO_TIMEOUT_MS, `${name} on the ${options.kind} deployment`);
    return { ours: { isOk: true, value, otherCpuPercent: load.otherCpuPercent() } };
  } catch (err) {
    const outcome = failure(err);
    context.log(`${name}: ${options.kind} deployment failed: ${outcome.isOk ? '' : outcome.error}`);
    return { ours: outcome };
  } finally {
    await deployment?.stop();
  }
}

/** Runs an in-process scenario that only concerns our code; its outcome is filed under `ours`. */
export async function inProcess<T>(
  context: RunContext,
  name: string,
  run: () => Promise<T>,
  timeoutMs = SCENARIO_TIMEOUT_MS,
): Promise<Outcomes<T>> {
  context.log(`${name}: in process`);
  try {
    const load = new LoadMonitor(null);
    const value = await withTimeout(run(), timeoutMs, name);
    return { ours: { isOk: true, value, otherCpuPercent: load.otherCpuPercent() } };
  } catch (err) {
    const outcome = failure(err);
    context.log(`${name}: failed: ${outcome.isOk ? '' : outcome.error}`);
    return { ours: outcome };
  }
}

/** Builds a scenario's report from its outcomes, its rows and the options it ran with. */
export function report<T>(name: string, outcomes: Outcomes<T>, rows: Row[], options: object): ScenarioReport {
  const hasError = Object.values(outcomes).some((outcome) => outcome?.isOk === false);
  const checks = rows
    .filter((row) => row.verdict !== '')
    .map((row) => ({ metric: row.metric, target: row.target, ours: row.ours, isMet: row.verdict === 'pass' }));
  return { rows, hasError, json: { scenario: name, options, ...outcomesJson(outcomes), checks } };
}

/** The report of a scenario that could not run at all (a service it needs is missing): one row saying why. */
export function skippedReport(name: string, reason: string): ScenarioReport {
  const row: Row = { scenario: name, metric: `skipped: ${reason}`, ours: '-', reference: '-', target: '', verdict: '' };
  return { rows: [row], hasError: false, json: { scenario: name, skipped: reason } };
}
