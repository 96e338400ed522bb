import type { UserId } from '../../../shared';

/**
 * The names of the app's IndexedDB databases, in a module without Dexie: the first page asks the
 * browser whether any exists before the storage code has arrived.
 */

/** The name of the device's own database (who is signed in); each account's data has its own. */
export const DEVICE_DB_NAME = 'jianyan-device';

/** The prefix of each account's database on this device. */
export const ACCOUNT_DB_PREFIX = 'jianyan-account';

/**
 * The database of the app before each account had its own: moved into its account's database
 * (see `legacyDatabase.ts`) and deleted.
 */
export const LEGACY_DB_NAME = 'jianyan';

/** The name of one account's database on this device. */
export function accountDatabaseName(userId: UserId, prefix = ACCOUNT_DB_PREFIX): string {
  return `${prefix}-${userId}`;
}

/**
 * Whether this browser holds any database of the app: false on a first visit (nobody can be signed
 * in), null where the browser cannot list its databases. Never opens or creates one.
 */
export async function hasAppDatabases(): Promise<boolean | null> {
  const factory = globalThis.indexedDB as IDBFactory | undefined;
  if (factory === undefined || typeof factory.databases !== 'function') {
    return null;
  }
  try {
    const databases = await factory.databases();
    return databases.some(
      ({ name }) =>
        name === DEVICE_DB_NAME || name === LEGACY_DB_NAME || name?.startsWith(`${ACCOUNT_DB_PREFIX}-`) === true,
    );
  } catch {
    return null;
  }
}
