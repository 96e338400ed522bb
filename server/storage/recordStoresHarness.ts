import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DocId, type GroupId, Role, type UserId } from '../../shared/index';
import type { AccountStore, NewUser } from './AccountStore';
import type { DocRecordStore } from './DocRecordStore';
import type { DocStore } from './DocStore';
import type { GroupStore } from './GroupStore';
import { MemoryAccountStore } from './memory/MemoryAccountStore';
import { MemoryDocRecordStore } from './memory/MemoryDocRecordStore';
import { MemoryGroupStore } from './memory/MemoryGroupStore';
import { PgAccountStore } from './postgres/PgAccountStore';
import { PgDocRecordStore } from './postgres/PgDocRecordStore';
import { PgDocStore } from './postgres/PgDocStore';
import { PgGroupStore } from './postgres/PgGroupStore';
import { newTestSchema } from './postgres/testSchemas';
import { databasePath } from './sqlite/databasePath';
import { SqliteAccountStore } from './sqlite/SqliteAccountStore';
import { SqliteDocRecordStore } from './sqlite/SqliteDocRecordStore';
import { SqliteDocStore } from './sqlite/SqliteDocStore';
import { SqliteGroupStore } from './sqlite/SqliteGroupStore';

/**
 * The record stores of one database, as the contract suites (accountStoreContract,
 * groupStoreContract, docRecordStoreContract) open them: each suite tests its own port and
 * uses the others to set up (an account's groups, a group's members).
 */
export interface RecordStoresHarness {
  readonly accounts: AccountStore;
  readonly groups: GroupStore;
  readonly records: DocRecordStore;
  /**
   * The relay's document store on the same database, which writes titles, last changes and
   * authors into the records; absent for the memory adapters, which share nothing with it.
   */
  readonly docs?: DocStore;
  /**
   * Opens another account store on the same database, as a second process would (the harness
   * closes it); absent for the memory adapters, whose state is their own.
   */
  readonly openAccounts?: () => Promise<AccountStore>;
  /** Closes the stores still open and removes what the harness made. */
  dispose(): Promise<void>;
}

/** Opens fresh, empty stores of one adapter. */
export type OpenRecordStores = () => RecordStoresHarness | Promise<RecordStoresHarness>;

export const newUserId = (): UserId => randomUUID() as UserId;
export const newGroupId = (): GroupId => randomUUID() as GroupId;
export const newDocumentId = (): DocId => randomUUID() as DocId;

/** A member's account to create, with a placeholder password hash. */
export function newUser(username: string, extra: Partial<NewUser> = {}): NewUser {
  return {
    id: newUserId(),
    username,
    name: `Name of ${username}`,
    role: Role.member,
    passwordHash: 'scrypt$hash',
    createdAt: 1_000,
    groupIds: [],
    ...extra,
  };
}

type Stores = Omit<RecordStoresHarness, 'dispose' | 'openAccounts'>;

async function closeAll(stores: Stores, others: readonly AccountStore[] = []): Promise<void> {
  for (const store of [
    stores.accounts,
    stores.groups,
    stores.records,
    ...(stores.docs ? [stores.docs] : []),
    ...others,
  ]) {
    await store.close();
  }
}

/** The memory adapters, sharing their memberships as the SQLite adapters share a file. */
export function openMemoryRecordStores(): RecordStoresHarness {
  const groups = new MemoryGroupStore();
  const stores = { accounts: new MemoryAccountStore({ groups }), groups, records: new MemoryDocRecordStore() };
  return { ...stores, dispose: () => closeAll(stores) };
}

/** The SQLite adapters on a fresh file in a temporary folder; `file` is its path. */
export function openSqliteRecordStores(): RecordStoresHarness & { readonly file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-records-'));
  const file = databasePath(dir);
  const stores = {
    accounts: new SqliteAccountStore({ path: file }),
    groups: new SqliteGroupStore({ path: file }),
    records: new SqliteDocRecordStore({ path: file }),
    docs: new SqliteDocStore({ path: file, checkpointInBackground: false }),
  };
  const others: AccountStore[] = [];
  return {
    ...stores,
    file,
    openAccounts: () => {
      const store = new SqliteAccountStore({ path: file });
      others.push(store);
      return Promise.resolve(store);
    },
    dispose: async () => {
      await closeAll(stores, others);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Connections each PostgreSQL store of a test may open: enough for a test, few for a small machine. */
const TEST_MAX_CONNECTIONS = 2;

/** The PostgreSQL adapters on a fresh schema of the test server (TEST_DATABASE_URL), dropped by `dispose`. */
export async function openPgRecordStores(): Promise<RecordStoresHarness> {
  const schema = newTestSchema();
  const options = { url: schema.url, schema: schema.schema, maxConnections: TEST_MAX_CONNECTIONS };
  // One at a time (object properties are evaluated in order): the first migrates the schema.
  const stores = {
    accounts: await PgAccountStore.open(options),
    groups: await PgGroupStore.open(options),
    records: await PgDocRecordStore.open(options),
    docs: await PgDocStore.open(options),
  };
  const others: AccountStore[] = [];
  return {
    ...stores,
    openAccounts: async () => {
      const store = await PgAccountStore.open(options);
      others.push(store);
      return store;
    },
    dispose: async () => {
      await closeAll(stores, others);
      await schema.drop();
    },
  };
}
