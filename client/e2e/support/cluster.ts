import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The services browser tests of several processes use; null when the run did not set them (skipped). */
export const CLUSTER_SERVICES =
  process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_REDIS_URL !== undefined
    ? { databaseUrl: process.env.TEST_DATABASE_URL, redisUrl: process.env.TEST_REDIS_URL }
    : null;

/** One server process, as the service files run it: node on the built bundle. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly setupUrl: string | null;
}

function startProcess(env: Record<string, string>, waitForSetup: boolean): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Jianyan listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      const setupUrl = /first secretariat account: (\S+)/.exec(output)?.[1] ?? null;
      if (port !== undefined && (setupUrl !== null || !waitForSetup)) {
        clearTimeout(timer);
        resolve({ child, port: Number(port), setupUrl });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => reject(new Error(`the server exited: ${output}`)));
  });
}

/**
 * A load balancer in front of the processes, as nginx would be: each connection goes to the first
 * process in `order` that accepts it, so a person's page reaches the other one once theirs is gone.
 */
async function startBalancer(backends: () => readonly number[]): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.pause();
    const tryBackend = (index: number): void => {
      const port = backends()[index];
      if (port === undefined) {
        client.destroy();
        return;
      }
      const upstream = createConnection({ host: '127.0.0.1', port });
      let isConnected = false;
      upstream.once('error', () => {
        if (!isConnected) {
          tryBackend(index + 1);
        }
      });
      upstream.once('connect', () => {
        isConnected = true;
        sockets.add(upstream);
        upstream.once('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const socket of sockets) {
      socket.destroy();
    }
    return close(callback);
  };
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * Two server processes of one committee on a PostgreSQL database and Redis key prefix of their
 * own, serving the built client, and two entrances: the first prefers process A, the second B,
 * each falling back on the other, like two people whom a balancer sent to different processes.
 */
export class TwoProcessCommittee {
  readonly processes: ServerProcess[];
  readonly entrances: readonly string[];
  readonly #balancers: readonly Server[];
  readonly #cleanup: () => Promise<void>;

  private constructor(
    processes: ServerProcess[],
    balancers: readonly { url: string; server: Server }[],
    cleanup: () => Promise<void>,
  ) {
    this.processes = processes;
    this.entrances = balancers.map((balancer) => balancer.url);
    this.#balancers = balancers.map((balancer) => balancer.server);
    this.#cleanup = cleanup;
  }

  static async start(services: { databaseUrl: string; redisUrl: string }): Promise<TwoProcessCommittee> {
    const name = `jianyan_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: services.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = new URL(services.databaseUrl);
    databaseUrl.pathname = `/${name}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-e2e-cluster-'));
    const prefix = `jianyan-test:${randomBytes(6).toString('hex')}:`;
    const env = {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(REPO_ROOT, 'dist/client'),
    };
    const first = await startProcess(env, true);
    // The database has no account yet, so the second also makes a setup link (and the first's stops working).
    const second = await startProcess(env, true);
    const processes = [first, second];
    const alive = (process: ServerProcess) => process.child.exitCode === null && process.child.signalCode === null;
    const prefer = (index: number) => () =>
      [processes[index], processes[1 - index]]
        .filter((process): process is ServerProcess => process !== undefined && alive(process))
        .map((process) => process.port);
    const balancers = [await startBalancer(prefer(0)), await startBalancer(prefer(1))];
    return new TwoProcessCommittee(processes, balancers, async () => {
      for (const process of processes) {
        if (alive(process)) {
          const exited = new Promise((resolve) => process.child.once('exit', resolve));
          process.child.kill('SIGTERM');
          await exited;
        }
      }
      const drop = new pg.Client({ connectionString: services.databaseUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
      const redis = new Redis(services.redisUrl);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      redis.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }

  /** The first run's setup link: the one the last process to start printed. */
  get setupUrl(): string {
    return this.processes.at(-1)?.setupUrl ?? '';
  }

  /** Kills a process as a crash would (SIGKILL), waiting until it is gone. */
  async kill(index: number): Promise<void> {
    const process = this.processes[index];
    if (process === undefined || process.child.exitCode !== null || process.child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => process.child.once('exit', resolve));
    process.child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    for (const balancer of this.#balancers) {
      await new Promise((resolve) => balancer.close(resolve));
    }
    await this.#cleanup();
  }
}
