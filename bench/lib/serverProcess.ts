import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { OUR_BUNDLE } from './assertBundleFresh';
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
  /** The websocket URL of a room. */
  roomUrl(room: string): string;
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

function launchSpec(kind: ServerKind, nodeArgs: readonly string[]): LaunchSpec {
  if (kind === ServerKind.reference) {
    return { args: ['--import', 'tsx', 'bench/referenceServer.ts'], env: { ...process.env }, dataDir: null, nodeArgs };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'jianyan-bench-'));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  // The bundle `npm start` runs (built by `npm run bench` first): tsx would keep every function's
  // name as an extra property, which costs memory per closure and so per connection.
  return { args: [...SERVER_NODE_FLAGS, OUR_BUNDLE], env, dataDir, nodeArgs };
}

/** Options of `startServer`. */
export interface StartServerOptions {
  /** Extra node flags, for example `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

/**
 * Spawns node itself (so the pid sampled is the server's) on the relay's script and
 * resolves once it prints its listening line.
 */
export async function startServer(kind: ServerKind, options: StartServerOptions = {}): Promise<RunningServer> {
  const spec = launchSpec(kind, options.nodeArgs ?? []);
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
    const port = await waitForPort(child, exited, () => stderrTail);
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`The ${kind} relay has no pid`);
    }
    return {
      kind,
      pid,
      port,
      roomUrl: (room) => `ws://127.0.0.1:${port}/sync/${room}`,
      sample: () => sampleProcess(pid),
      stop: () => stopChild(child, exited, spec.dataDir),
    };
  } catch (err) {
    await stopChild(child, exited, spec.dataDir);
    throw err;
  }
}

function waitForPort(child: ChildProcess, exited: Promise<void>, stderr: () => string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const stdout = child.stdout;
    if (stdout === null) {
      reject(new Error('The relay has no stdout pipe'));
      return;
    }
    const lines = createInterface({ input: stdout });
    const timer = setTimeout(() => {
      reject(new Error(`The relay did not print its listening line within ${START_TIMEOUT_MS} ms\n${stderr()}`));
    }, START_TIMEOUT_MS);
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
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
