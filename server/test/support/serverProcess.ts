import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LISTENING_LINE = /Jianyan listening on (http:\/\/\S+)/;
const SETUP_LINE = /first secretariat account: (http:\/\/\S+\/setup\/\S+)/;

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly wsUrl: string;
  /** The setup link printed on an empty database; null when the server printed none (or was not asked to wait). */
  readonly setupUrl: string | null;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<string>;
}

export interface SpawnOptions {
  /** Wait for the setup link too: the data directory is empty. */
  readonly isFirstRun?: boolean;
  /** Start it as the leader of its own process group, which a test can signal as a terminal does. */
  readonly isGroupLeader?: boolean;
}

/** A command line that starts the server, as a service manager would run it. */
export interface ServerCommand {
  readonly file: string;
  readonly args: readonly string[];
  /** The working directory; relative paths in `args` are resolved from it. */
  readonly cwd: string;
}

/** Runs `server/main.ts` in its own process, as `npm start` does, and waits until it listens. */
export function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ServerProcess> {
  return spawnServerCommand(
    { file: process.execPath, args: ['--import', 'tsx', 'server/main.ts'], cwd: ROOT },
    env,
    options,
  );
}

/**
 * Runs `command` on loopback with a free port (`env` adds to or overrides that) and waits until
 * the server it starts listens.
 */
export function spawnServerCommand(
  command: ServerCommand,
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const child = spawn(command.file, command.args, {
    cwd: command.cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.isGroupLeader === true,
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = LISTENING_LINE.exec(output)?.[1];
      const setupUrl = SETUP_LINE.exec(output)?.[1] ?? null;
      if (url !== undefined && (setupUrl !== null || options.isFirstRun !== true)) {
        clearTimeout(timer);
        resolve({ child, url, wsUrl: url.replace(/^http/, 'ws'), setupUrl, exited });
      }
    });
    child.once('exit', () => reject(new Error(`server exited before listening: ${output}`)));
  });
}
