import type { ApiClient } from '../core/api/ApiClient';
import { api } from '../core/api/api';
import type { Store } from '../core/lib/createStore';
import { createIdentity, type Identity } from '../core/presence/identity';
import type { ConnectionGate } from '../core/rooms/ConnectionGate';
import { findOpenSession } from '../core/rooms/sessionRegistry';
import { syncContentOnce, syncDocOnce } from '../core/rooms/syncDocOnce';
import { createDb, type JianyanDb } from '../core/storage/JianyanDb';
import { createStorageHealth, type StorageHealth, watchDatabase } from '../core/storage/storageHealth';
import { userOf } from '../core/workspace/AuthStore';
import { WorkspaceRuntime } from '../core/workspace/WorkspaceRuntime';

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
