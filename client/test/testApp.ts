import 'fake-indexeddb/auto';
import type { Me } from '../../shared/api/schemas';
import { type ComposedApp, composeApp } from '../app/compose';
import type { ComposeOptions } from '../app/composeTypes';
import { createDiagnostics, type Diagnostics } from '../core/diagnostics';
import type { AccountServices } from '../ui/services/services';
import type { FakeServer } from './FakeServer';
import { waitUntil } from './waitUntil';

/** The app as the composition root builds it, on fake-indexeddb and a FakeServer. */
export interface TestApp {
  readonly app: ComposedApp;
  readonly server: FakeServer;
  /** Every failure the app went on after, with where it happened. */
  readonly dropped: { readonly where: string; readonly message: string }[];
  /** The running account's services; throws while nobody is signed in. */
  account(): AccountServices;
  /** Signs `me` in through the API and waits for their account's services and first workspace. */
  signIn(me: Me, password?: string): Promise<AccountServices>;
  stop(): Promise<void>;
}

/** Starts the app composed for tests: its own database, the fake server's fetch, no relay. */
export async function startTestApp(server: FakeServer, options: ComposeOptions = {}): Promise<TestApp> {
  const dropped: { where: string; message: string }[] = [];
  const diagnostics: Diagnostics = createDiagnostics({
    log: (where, error) => dropped.push({ where, message: error.message }),
  });
  const dbName = `test-${crypto.randomUUID()}`;
  const app = composeApp({
    dbName,
    fetch: server.fetch,
    isOnline: () => server.isOnline,
    createEventSource: () => null,
    syncDoc: async () => 'synced',
    diagnostics,
    passwordIterations: 1000,
    ...options,
  });
  const stop = app.start();
  await waitUntil(() => app.auth.getSnapshot().status !== 'loading', { what: 'the first auth state' });
  const account = (): AccountServices => {
    const running = app.account.getSnapshot();
    if (running === null) {
      throw new Error('Nobody is signed in in this test app');
    }
    return running;
  };
  return {
    app,
    server,
    dropped,
    account,
    async signIn(me, password = 'correct horse') {
      await app.auth.signIn(me.username, password);
      await waitUntil(() => app.account.getSnapshot()?.workspace.view.getSnapshot() != null, {
        what: 'the first workspace',
      });
      return account();
    },
    async stop() {
      stop();
      // The device's database and each account's (`<prefix>-device`, `<prefix>-account-<id>`).
      const names = (await indexedDB.databases()).map((db) => db.name ?? '');
      await Promise.all(names.filter((name) => name.startsWith(`${dbName}-`)).map(deleteDatabase));
    },
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    request.onblocked = () => resolve();
  });
}
