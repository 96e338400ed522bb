import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// biome-ignore lint/style/noRestrictedImports: browser tests start the real server; the app itself never imports it
import { type ServerOptions, startServer } from '../../../server/startServer';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A running server over a temp data folder, serving the built client (`npm run build`). */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The first-run setup link the server printed on its empty database; null once set up. */
  readonly setupUrl: string | null;
  /** Stops the server and starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

/** Settings of the test server beyond its defaults (an app older than its server). */
export type TestServerOptions = Pick<ServerOptions, 'contentSchemaVersion' | 'docFileQuotas' | 'passwordParams'>;

/**
 * Passwords hashed with scrypt at a low cost: every person of every browser test has an account
 * made and signs in, and at the production cost (2^17) each sign-in spends about two seconds of
 * the machine's two cores in scrypt. The hashing itself is tested at its real cost on the server.
 */
const TEST_PASSWORD_PARAMS = { logN: 10, r: 8, p: 1 } as const;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-e2e-data-'));
  const staticDir = path.join(REPO_ROOT, 'dist/client');
  const start = (port: number) =>
    startServer({
      passwordParams: TEST_PASSWORD_PARAMS,
      ...options,
      port,
      host: '127.0.0.1',
      dataDir,
      staticDir,
      logLevel: 'silent',
    });
  let running = await start(0);
  const port = running.port;
  return {
    url: running.url,
    port,
    dataDir,
    setupUrl: running.setupUrl,
    async restart() {
      await running.close();
      running = await start(port);
    },
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
