/**
 * `npm run bench [-- --quick] [-- --only fanout,reconnect] [-- --servers ours] [-- --cpu-prof]`
 *
 * Runs each scenario against our relay and the reference relay (`@y/websocket-server`), one relay
 * process at a time on the same load, then prints a table and one JSON line per scenario (grep
 * `^{`). The lines are also written to bench/out/latest.jsonl.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assertBundleFresh } from './lib/assertBundleFresh';
import { formatTable, type Row } from './lib/report';
import type { RunContext, ScenarioReport } from './lib/runScenario';
import { killAllServers, ROOT, ServerKind } from './lib/serverProcess';
import { SCENARIOS } from './scenarios/catalog';

/** The whole run is abandoned after this long, so a stuck scenario cannot hang a script. */
const WATCHDOG_MS = 15 * 60_000;
const OUT_DIR = 'bench/out';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseContext(): { context: RunContext; only: readonly string[] } {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      servers: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  const names = SCENARIOS.map((scenario) => scenario.name);
  const only = values.only === undefined ? names : values.only.split(',').map((name) => name.trim());
  for (const name of only) {
    if (!names.includes(name)) {
      fail(`Unknown scenario "${name}"; choose from ${names.join(', ')}`);
    }
  }
  const kinds: string[] = Object.values(ServerKind);
  const servers = values.servers === undefined ? kinds : values.servers.split(',').map((kind) => kind.trim());
  const chosen = servers.filter((kind): kind is ServerKind => kinds.includes(kind));
  if (chosen.length !== servers.length || chosen.length === 0) {
    fail(`--servers takes a list of ${kinds.join(', ')}`);
  }
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${OUT_DIR}/prof`] : [];
  const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  return { context: { servers: chosen, nodeArgs, isQuick: values.quick === true, log }, only };
}

async function main(): Promise<number> {
  const { context, only } = parseContext();
  if (context.servers.includes(ServerKind.ours)) {
    // Once, before any scenario: sources edited during a run must not fail its later scenarios.
    assertBundleFresh(ROOT);
  }
  const reports: ScenarioReport[] = [];
  for (const scenario of SCENARIOS.filter((entry) => only.includes(entry.name))) {
    reports.push(await scenario.run(context));
  }
  const rows: Row[] = reports.flatMap((entry) => entry.rows);
  const lines = reports.map((entry) => JSON.stringify({ ...entry.json, isQuick: context.isQuick }));
  console.log(formatTable(rows));
  console.log('');
  for (const line of lines) {
    console.log(line);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(`${OUT_DIR}/latest.jsonl`, `${lines.join('\n')}\n`);
  const missed = rows.filter((row) => row.verdict === 'FAIL').length;
  context.log(`${missed} target(s) missed; JSON lines in ${OUT_DIR}/latest.jsonl`);
  return reports.some((entry) => entry.hasError) ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} min; killing the relays and exiting`);
  killAllServers();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

main().then(
  (code) => {
    killAllServers();
    process.exit(code);
  },
  (err: unknown) => {
    console.error(err);
    killAllServers();
    process.exit(1);
  },
);
