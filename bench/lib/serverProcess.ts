import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { OUR_BUNDLE } from './assertBundleFresh';
import { type BenchWorkspace, REFERENCE_WORKSPACE, seedBenchWorkspace } from './benchWorkspace';
import { type ProcSample, sampleProcess } from './procSampler';

/** Which relay a run measures. */
export const ServerKind = {
  /** Our relay: `server/main.ts`, SQLite storage in a fresh temp dir. */
  ours: 'ours',
  /** Stock `@y/websocket-server` 0.1.1 in memory (`bench/referenceServer.ts`). */
  reference: 'reference',
} as const;
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind];

/** A relay running in its own child process, so its CPU and memory can be read from /proc. */
export interface RunningServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly port: number;
  /**
   * The websocket URL of a room for one of the bench group's people (by index, wrapping around):
   * on our relay it carries that person's API token as `?token=`.
   */
  roomUrl(room: string, person?: number): string;
  /** The HTTP base of our relay's API (`http://127.0.0.1:<port>`); null for the reference, which has none. */
  readonly apiUrl: string | null;
  /** The API token of one of the bench group's people (as `roomUrl` picks them); null for the reference. */
  tokenOf(person: number): string | null;
  /** Registers new documents (ours: `POST /api/docs`) and resolves with their room names. */
  newRooms(count: number): Promise<string[]>;
  /** The bench group's people and documents, to share with other processes of one deployment. */
  readonly workspace: BenchWorkspace;
  /** CPU time and RSS of the server process now. */
  sample(): ProcSample;
  /** SIGTERM, then SIGKILL if it has not exited in time; removes its data dir. */
  stop(): Promise<void>;
}

/** Time a relay may take to compile (tsx) and start listening. */
const START_TIMEOUT_MS = 30_000;
/** Time a relay gets to exit after SIGTERM (ours flushes and closes SQLite) before SIGKILL. */
const STOP_TIMEOUT_MS = 5_000;
const READY_LINE = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
/** Our relay prints its one-time setup link (`<url>/setup/<token>`) on a fresh data directory. */
const SETUP_LINK = /https?:\/\/\S+\/setup\/([A-Za-z0-9_-]+)/;
/** Members invited besides the secretariat: the fan-out rooms' writer and readers are different people. */
const BENCH_MEMBERS = 4;
const STDERR_TAIL_CHARS = 4_000;
/** The package root, where both relay scripts and node_modules are. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The node flags `npm start` gives our relay (package.json; a test keeps the two equal). Young
 * generation semi-spaces of 4 MiB instead of V8's 16: after a burst of handshakes the heap keeps
 * far less garbage-inflated space, at no CPU cost measurable in the fan-out scenario.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--enable-source-maps'];

/** Live children and their data dirs, so an exit path can kill them and clean up. */
const running = new Map<ChildProcess, string | null>();

interface LaunchSpec {
  /** Node arguments after the caller's flags: a tsx-loaded script, or our built bundle. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly dataDir: string | null;
  readonly nodeArgs: readonly string[];
}

function launchSpec(kind: ServerKind, nodeArgs: readonly string[], extraEnv: Record<string, string>): LaunchSpec {
  if (kind === ServerKind.reference) {
    return { args: ['--import', 'tsx', 'bench/referenceServer.ts'], env: { ...process.env }, dataDir: null, nodeArgs };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'jianyan-bench-'));
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // The bench's thousands of sockets stand for as many people but sign in as the group's five:
    // lift the per-user connection caps (docs/PROTOCOL.md, "Quotas") that would refuse most of them.
    MAX_CONNECTIONS_PER_USER: '100000',
    MAX_CONNECTIONS_PER_USER_ROOM: '100000',
    ...extraEnv,
  };
  // The bundle `npm start` runs (built by `npm run bench` first): tsx would keep every function's
  // name as an extra property, which costs memory per closure and so per connection.
  return { args: [...SERVER_NODE_FLAGS, OUR_BUNDLE], env, dataDir, nodeArgs };
}

/** Options of `startServer`. */
export interface StartServerOptions {
  /** Extra node flags, for example `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** Extra environment of our relay, for example DATABASE_URL and REDIS_URL. */
  readonly env?: Record<string, string>;
  /**
   * The workspace another process of the same deployment (same database) already seeded: this
   * one then prints no setup link and serves the same people and documents.
   */
  readonly workspace?: BenchWorkspace;
}

/**
 * Spawns node itself (so the pid sampled is the server's) on the relay's script and
 * resolves once it prints its listening line.
 */
export async function startServer(kind: ServerKind, options: StartServerOptions = {}): Promise<RunningServer> {
  const spec = launchSpec(kind, options.nodeArgs ?? [], options.env ?? {});
  const sharedWorkspace = options.workspace ?? null;
  const child = spawn(process.execPath, [...spec.nodeArgs, ...spec.args], {
    cwd: ROOT,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(child, spec.dataDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  try {
    const needsSetup = kind === ServerKind.ours && sharedWorkspace === null;
    const startup = await readStartup(child, exited, needsSetup, () => stderrTail);
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`The ${kind} relay has no pid`);
    }
    const { port, setupToken } = startup;
    const workspace = sharedWorkspace ?? (await workspaceOf(kind, `http://127.0.0.1:${port}`, setupToken));
    const tokens = workspace.tokens;
    return {
      kind,
      pid,
      port,
      roomUrl: (room, person = 0) => {
        const token = tokens[person % Math.max(1, tokens.length)];
        const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
        return `ws://127.0.0.1:${port}/sync/${room}${query}`;
      },
      newRooms: (count) => workspace.registerDocs(count),
      workspace,
      apiUrl: kind === ServerKind.ours ? `http://127.0.0.1:${port}` : null,
      tokenOf: (person) => tokens[person % Math.max(1, tokens.length)] ?? null,
      sample: () => sampleProcess(pid),
      stop: () => stopChild(child, exited, spec.dataDir),
    };
  } catch (err) {
    await stopChild(child, exited, spec.dataDir);
    throw err;
  }
}

/** The token of a setup link printed on a line of our relay's stdout; null when the line has none. */
export function setupTokenIn(line: string): string | null {
  return SETUP_LINK.exec(line)?.[1] ?? null;
}

async function workspaceOf(kind: ServerKind, baseUrl: string, setupToken: string | null): Promise<BenchWorkspace> {
  if (kind === ServerKind.reference) {
    return REFERENCE_WORKSPACE;
  }
  if (setupToken === null) {
    throw new Error('Our relay printed no setup link on a fresh data directory');
  }
  return seedBenchWorkspace(baseUrl, setupToken, BENCH_MEMBERS);
}

interface Startup {
  readonly port: number;
  /** The first-run setup token our relay prints; null for the reference. */
  readonly setupToken: string | null;
}

/** Reads the relay's stdout until it listens (and, for ours, has printed its setup link). */
function readStartup(
  child: ChildProcess,
  exited: Promise<void>,
  needsSetup: boolean,
  stderr: () => string,
): Promise<Startup> {
  return new Promise<Startup>((resolve, reject) => {
    const stdout = child.stdout;
    if (stdout === null) {
      reject(new Error('The relay has no stdout pipe'));
      return;
    }
    let port: number | null = null;
    let setupToken: string | null = null;
    const lines = createInterface({ input: stdout });
    const timer = setTimeout(() => {
      const missing = port === null ? 'its listening line' : 'its setup link';
      reject(new Error(`The relay did not print ${missing} within ${START_TIMEOUT_MS} ms\n${stderr()}`));
    }, START_TIMEOUT_MS);
    lines.on('line', (line) => {
      const portText = READY_LINE.exec(line)?.[1];
      if (portText !== undefined) {
        port = Number(portText);
      }
      setupToken ??= setupTokenIn(line);
      if (port !== null && (setupToken !== null || !needsSetup)) {
        clearTimeout(timer);
        resolve({ port, setupToken });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The relay exited with code ${child.exitCode} before listening\n${stderr()}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>, dataDir: string | null): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref()),
    ]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  if (dataDir !== null) {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** SIGKILLs every relay this process started and has not stopped; for exit paths. */
export function killAllServers(): void {
  for (const [child, dataDir] of running) {
    child.kill('SIGKILL');
    if (dataDir !== null) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  running.clear();
}
