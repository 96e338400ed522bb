import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DocId, type GroupId, Role, type UserId } from '../../shared/index';
import type { AccountStore, NewUser } from './AccountStore';
import type { DocRecordStore } from './DocRecordStore';
import type { GroupStore } from './GroupStore';
import { MemoryAccountStore } from './memory/MemoryAccountStore';
import { MemoryDocRecordStore } from './memory/MemoryDocRecordStore';
import { MemoryGroupStore } from './memory/MemoryGroupStore';
import { PgAccountStore } from './postgres/PgAccountStore';
import { PgDocRecordStore } from './postgres/PgDocRecordStore';
import { PgGroupStore } from './postgres/PgGroupStore';
import { newTestSchema } from './postgres/testSchemas';
import { databasePath } from './sqlite/databasePath';
import { SqliteAccountStore } from './sqlite/SqliteAccountStore';
import { SqliteDocRecordStore } from './sqlite/SqliteDocRecordStore';
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

async function closeAll(stores: Omit<RecordStoresHarness, 'dispose'>): Promise<void> {
  for (const store of [stores.accounts, stores.groups, stores.records]) {
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
  };
  return {
    ...stores,
    file,
    dispose: async () => {
      await closeAll(stores);
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
  };
  return {
    ...stores,
    dispose: async () => {
      await closeAll(stores);
      await schema.drop();
    },
  };
}
