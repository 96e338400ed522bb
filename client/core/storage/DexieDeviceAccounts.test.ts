import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMe } from '../../test/FakeServer';
import { accountDatabaseName, DexieDeviceAccounts } from './DexieDeviceAccounts';
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
