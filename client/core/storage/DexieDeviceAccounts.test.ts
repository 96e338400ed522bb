import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../test/FakeServer';
import { DexieDeviceAccounts } from './DexieDeviceAccounts';
import { ACCOUNT_DB_PREFIX, accountDatabaseName, DEVICE_DB_NAME, hasAppDatabases } from './databaseNames';
import { CURRENT_ROW, createDb } from './JianyanDb';

const opened: DexieDeviceAccounts[] = [];

function open(options: { legacyName?: string; accountPrefix?: string } = {}): DexieDeviceAccounts {
  const accounts = new DexieDeviceAccounts({ name: `test-device-${crypto.randomUUID()}`, ...options });
  opened.push(accounts);
  return accounts;
}

afterEach(async () => {
  for (const accounts of opened.splice(0)) {
    await accounts.delete();
  }
});

describe('DexieDeviceAccounts', () => {
  const me = makeMe([]);

  it('keeps the signed-in account until it is cleared', async () => {
    const accounts = open();
    expect(await accounts.read()).toBeNull();
    await accounts.save(me, true, 12);
    expect(await accounts.read()).toEqual({ me, isExpired: true, savedAt: 12 });
    await accounts.clear();
    expect(await accounts.read()).toBeNull();
  });

  it('keeps a sign-out made offline until it is sent', async () => {
    const accounts = open();
    expect(await accounts.readPendingSignOut()).toBeNull();
    await accounts.setPendingSignOut({ userId: me.id, at: 5 });
    expect(await accounts.readPendingSignOut()).toEqual({ userId: me.id, at: 5 });
    await accounts.setPendingSignOut(null);
    expect(await accounts.readPendingSignOut()).toBeNull();
  });

  it('deletes one account’s database and no other', async () => {
    const prefix = `test-account-${crypto.randomUUID()}`;
    const accounts = open({ accountPrefix: prefix });
    const other = makeMe([], { username: 'li.ming' });
    for (const user of [me, other]) {
      const db = createDb(accountDatabaseName(user.id, prefix));
      await db.docs.count();
      db.close();
    }
    await accounts.deleteAccountData(me.id);
    expect(await Dexie.exists(accountDatabaseName(me.id, prefix))).toBe(false);
    expect(await Dexie.exists(accountDatabaseName(other.id, prefix))).toBe(true);
    await Dexie.delete(accountDatabaseName(other.id, prefix));
  });

  it('tells whether the browser holds any of the app’s databases, without creating one', async () => {
    // Other tests of this file may have left theirs: only this test's own names matter here.
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names.some((name) => name === DEVICE_DB_NAME || name?.startsWith(`${ACCOUNT_DB_PREFIX}-`))).toBe(false);
    expect(await hasAppDatabases()).toBe(false);
    expect((await indexedDB.databases()).map((db) => db.name)).toEqual(names);
    const account = createDb(accountDatabaseName(me.id));
    await account.docs.count();
    account.close();
    expect(await hasAppDatabases()).toBe(true);
    await Dexie.delete(accountDatabaseName(me.id));
    expect(await hasAppDatabases()).toBe(false);
  });

  it('signs in the account of the app before each account had its own database', async () => {
    const legacyName = `test-legacy-${crypto.randomUUID()}`;
    const legacy = createDb(legacyName);
    await legacy.account.put({ key: CURRENT_ROW, me, isExpired: false, savedAt: 3 });
    legacy.close();
    const accounts = open({ legacyName });
    expect(await accounts.read()).toEqual({ me, isExpired: false, savedAt: 3 });
    await Dexie.delete(legacyName);
  });
});
