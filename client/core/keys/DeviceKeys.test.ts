import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer, makeMe } from '../../test/FakeServer';
import { ApiClient } from '../api';
import { createDiagnostics } from '../diagnostics';
import { ClientErrorCode } from '../errors';
import { DexieDeviceAccounts, type RowCipher } from '../storage';
import { DeviceKeys, type KeyState } from './DeviceKeys';

const me = makeMe([]);
const diagnostics = createDiagnostics({ log: () => undefined });
let server: FakeServer;
let accounts: DexieDeviceAccounts;

beforeEach(() => {
  server = new FakeServer();
  server.addUser(me, 'correct horse');
  server.sessionUser = me;
  accounts = new DexieDeviceAccounts({ name: `test-device-${crypto.randomUUID()}` });
});

afterEach(async () => {
  await accounts.delete();
});

/** The keys of one start of the app on this device. */
function start(): DeviceKeys {
  return new DeviceKeys({
    keyrings: accounts,
    api: new ApiClient({ fetch: server.fetch }),
    diagnostics,
    passwordIterations: 1000,
  });
}

function cipherOf(state: KeyState): RowCipher {
  if (state.status !== 'open') {
    throw new Error(`The key is ${state.status}, not open`);
  }
  return state.cipher;
}

/** Whether two ciphers are under the same data key: one opens what the other sealed. */
function isSameKey(a: RowCipher, b: RowCipher): boolean {
  try {
    b.open(a.seal(new Uint8Array([1, 2, 3]), 'test'), 'test');
    return true;
  } catch {
    return false;
  }
}

describe('DeviceKeys', () => {
  it('makes a key at the first sign-in and opens it again offline when it is kept here', async () => {
    const first = start();
    await first.acceptPassword(me.id, 'correct horse', true);
    const sealedBy = cipherOf(first.state.getSnapshot());
    expect(first.state.getSnapshot()).toMatchObject({ status: 'open', isKeptHere: true });

    server.isOnline = false;
    const reload = start();
    await reload.open(me.id);
    expect(isSameKey(sealedBy, cipherOf(reload.state.getSnapshot()))).toBe(true);
  });

  it('opens with the server’s key online, and asks for the password offline, when nothing is kept here', async () => {
    const first = start();
    await first.acceptPassword(me.id, 'correct horse', false);
    const sealedBy = cipherOf(first.state.getSnapshot());
    expect(first.state.getSnapshot()).toMatchObject({ isKeptHere: false });

    const online = start();
    await online.open(me.id);
    expect(isSameKey(sealedBy, cipherOf(online.state.getSnapshot()))).toBe(true);

    server.isOnline = false;
    const offline = start();
    await offline.open(me.id);
    expect(offline.state.getSnapshot()).toEqual({ status: 'locked', userId: me.id });
    await expect(offline.unlockWithPassword('wrong horse')).rejects.toMatchObject({
      code: ClientErrorCode.wrongPassword,
    });
    expect(offline.state.getSnapshot().status).toBe('locked');
    await offline.unlockWithPassword('correct horse');
    expect(isSameKey(sealedBy, cipherOf(offline.state.getSnapshot()))).toBe(true);
  });

  it('stays locked when the server refuses the session and nothing is kept here', async () => {
    await start().acceptPassword(me.id, 'correct horse', false);
    server.sessionUser = null;
    const expired = start();
    await expired.open(me.id);
    expect(expired.state.getSnapshot().status).toBe('locked');
  });

  it('keeps the same key when the password was reset elsewhere, and the offline unlock asks for the new one', async () => {
    const first = start();
    await first.acceptPassword(me.id, 'correct horse', false);
    const sealedBy = cipherOf(first.state.getSnapshot());

    const afterReset = start();
    await afterReset.acceptPassword(me.id, 'battery staple', false);
    expect(isSameKey(sealedBy, cipherOf(afterReset.state.getSnapshot()))).toBe(true);

    server.isOnline = false;
    const offline = start();
    await offline.open(me.id);
    await expect(offline.unlockWithPassword('correct horse')).rejects.toMatchObject({
      code: ClientErrorCode.wrongPassword,
    });
    await offline.unlockWithPassword('battery staple');
    expect(isSameKey(sealedBy, cipherOf(offline.state.getSnapshot()))).toBe(true);
  });

  it('wraps the key with a password changed in the app', async () => {
    const keys = start();
    await keys.acceptPassword(me.id, 'correct horse', false);
    const sealedBy = cipherOf(keys.state.getSnapshot());
    await keys.changePassword('new horse');

    server.isOnline = false;
    const offline = start();
    await offline.open(me.id);
    await offline.unlockWithPassword('new horse');
    expect(isSameKey(sealedBy, cipherOf(offline.state.getSnapshot()))).toBe(true);
  });

  it('tells whether a password is the one last signed in with here (a device backup is sealed with it)', async () => {
    const keys = start();
    expect(await keys.isDevicePassword('correct horse')).toBeNull();
    await keys.acceptPassword(me.id, 'correct horse', true);
    expect(await keys.isDevicePassword('correct horse')).toBe(true);
    expect(await keys.isDevicePassword('correct horsf')).toBe(false);
    await keys.changePassword('battery staple');
    expect(await keys.isDevicePassword('battery staple')).toBe(true);
    expect(await keys.isDevicePassword('correct horse')).toBe(false);
  });

  it('keeps nothing here after signing out: the next offline start is locked', async () => {
    const keys = start();
    await keys.acceptPassword(me.id, 'correct horse', true);
    await keys.forgetKeptKey(me.id);
    keys.close();
    expect(keys.state.getSnapshot()).toEqual({ status: 'none' });
    expect((await accounts.readKeyring(me.id))?.device).toBeNull();

    server.isOnline = false;
    const offline = start();
    await offline.open(me.id);
    expect(offline.state.getSnapshot().status).toBe('locked');
  });

  it('gives another account a key of its own, which opens nothing of the first', async () => {
    const keys = start();
    await keys.acceptPassword(me.id, 'correct horse', true);
    const first = cipherOf(keys.state.getSnapshot());
    const other = server.addUser(makeMe([], { username: 'li.ming' }), 'battery staple');
    server.sessionUser = other;
    await keys.acceptPassword(other.id, 'battery staple', true);
    expect(isSameKey(first, cipherOf(keys.state.getSnapshot()))).toBe(false);
  });

  it('keeps the data key only wrapped', async () => {
    const keys = start();
    await keys.acceptPassword(me.id, 'correct horse', true);
    const keyring = await accounts.readKeyring(me.id);
    expect(keyring).toMatchObject({ userId: me.id });
    expect(keyring?.device?.key.extractable).toBe(false);
    for (const slot of [keyring?.password, keyring?.server, keyring?.device]) {
      // 32 bytes of key and the 16 of the GCM tag: sealed, never the key alone.
      expect(slot?.sealed.byteLength).toBe(48);
    }
  });
});
