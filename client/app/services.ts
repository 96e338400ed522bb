import i18next from 'i18next';
import type { Store } from '../lib/createStore';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import { createStorageHealth, type StorageHealth, watchDatabase } from '../storage/storageHealth';
import { createIdentityStore, type Identity } from '../user/identity';

/** The app's long-lived objects, created once per page. */
export interface AppServices {
  readonly db: JianyanDb;
  readonly health: StorageHealth;
  readonly identity: Store<Identity> & { rename(name: string): void };
}

let services: AppServices | null = null;

/** Creates the services; call once at start-up, after i18n (the default name is translated). */
export function initServices(): AppServices {
  if (services === null) {
    const db = createDb();
    const health = createStorageHealth();
    watchDatabase(db, health);
    const identity = createIdentityStore((n) => i18next.t('user.defaultName', { n }));
    services = { db, health, identity };
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
