import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ServerOptions } from '../../startServer';
import { FAST_PASSWORDS } from './apiRequest';
import { type SeededWorkspace, type SeedPlan, seedWorkspace } from './seedWorkspace';
import { startTestServer, type TestServer } from './testServer';

export interface SetupTestServerOptions {
  /** A fresh server for every test (tests that move the clock or need an empty database); else one per file. */
  readonly isPerTest?: boolean;
  /** For startTestServer; passwords are hashed with FAST_PASSWORDS unless `passwordParams` says otherwise. */
  readonly server?: Partial<ServerOptions>;
  /** Runs before the server closes, for example to close the test's own clients first. */
  readonly onBeforeDispose?: () => Promise<void>;
}

/** The running server, read inside tests and hooks registered after the helper. */
export interface TestServerHandle {
  readonly server: TestServer;
}

/** The running server and its seeded workspace. */
export interface SeededServerHandle<G extends string, P extends string> extends TestServerHandle {
  readonly workspace: SeededWorkspace<G, P>;
  /** The session token of a person's key, or of 'secretariat'. */
  tokenOf(as: P | 'secretariat'): string;
}

function notRunning(): never {
  throw new Error('The test server runs only inside tests and the hooks registered after setupTestServer');
}

/**
 * Starts the real server before the file's tests (or before each test) and disposes of it after,
 * so that a test file only says what it needs. Optionally seeds it (see setupSeededServer).
 */
export function setupTestServer(options: SetupTestServerOptions = {}): TestServerHandle {
  return startAround(options, async () => undefined).handle;
}

/** Like setupTestServer, and seeds the workspace of `plan` through the real API once the server listens. */
export function setupSeededServer<G extends string, P extends string>(
  plan: SeedPlan<G, P>,
  options: SetupTestServerOptions = {},
): SeededServerHandle<G, P> {
  const { handle, seeded } = startAround(options, (server) => seedWorkspace(server, plan));
  return {
    get server() {
      return handle.server;
    },
    get workspace() {
      return seeded() ?? notRunning();
    },
    tokenOf: (as) => (seeded() ?? notRunning()).tokenOf(as),
  };
}

function startAround<T>(
  options: SetupTestServerOptions,
  seed: (server: TestServer) => Promise<T>,
): { handle: TestServerHandle; seeded: () => T | undefined } {
  let server: TestServer | null = null;
  let seeded: T | undefined;
  const [before, after] = options.isPerTest === true ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    server = await startTestServer({ passwordParams: FAST_PASSWORDS, ...options.server });
    seeded = await seed(server);
  });
  after(async () => {
    const running = server;
    server = null;
    seeded = undefined;
    await options.onBeforeDispose?.();
    await running?.dispose();
  });
  return {
    handle: {
      get server() {
        return server ?? notRunning();
      },
    },
    seeded: () => seeded,
  };
}
