import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from '../../startServer';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly wsUrl: string;
  /** Closes the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/** Makes a fresh temporary data directory. */
export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'jianyan-test-'));
}

/** Starts the real server on a free loopback port with a fresh data directory. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    staticDir: null,
    ...options,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    dispose: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
