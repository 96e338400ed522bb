import type { ApiClient } from '../api/ApiClient';
import { api } from '../api/api';
import type { Store } from '../lib/createStore';
import { findOpenSession } from '../session/sessionRegistry';
import { syncContentOnce, syncDocOnce } from '../session/syncDocOnce';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import { createStorageHealth, type StorageHealth, watchDatabase } from '../storage/storageHealth';
import type { ConnectionGate } from '../sync/ConnectionGate';
import { createIdentity, type Identity } from '../user/identity';
import { userOf } from '../workspace/AuthStore';
import { WorkspaceRuntime } from '../workspace/WorkspaceRuntime';

/** The app's long-lived objects, created once per page. */
export interface AppServices {
  readonly db: JianyanDb;
  readonly health: StorageHealth;
  /** The signed-in user's name and caret colour. */
  readonly identity: Pick<Store<Identity>, 'getSnapshot' | 'subscribe'>;
  readonly api: ApiClient;
  /** Account, cached workspace, outbox and background sync (see client/workspace). */
  readonly workspace: WorkspaceRuntime;
  /** Lets a document connect to the relay only when signed in and registered. */
  readonly gate: ConnectionGate;
}

let services: AppServices | null = null;

/** Creates the services and starts the workspace; call once at start-up. */
export function initServices(): AppServices {
  if (services === null) {
    const db = createDb();
    const health = createStorageHealth();
    watchDatabase(db, health);
    const workspace = new WorkspaceRuntime({
      db,
      api,
      syncDoc: (docId, signal) => syncDocOnce(getServices(), docId, signal),
      syncContent: (docId, signal) => syncContentOnce(getServices(), docId, signal),
      isDocOpen: (docId) => findOpenSession(docId) !== null,
    });
    const identity = createIdentity(workspace.auth, () => userOf(workspace.auth.getSnapshot()));
    services = { db, health, identity, api, workspace, gate: workspace.gate };
    workspace.start();
  }
  return services;
}

/** The services created by `initServices`. */
export function getServices(): AppServices {
  if (services === null) {
    throw new Error('App services used before initServices() ran');
  }
  return services;
}
