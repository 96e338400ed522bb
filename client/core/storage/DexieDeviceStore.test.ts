import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DocKind, newDocId, roomNameOf } from '../../../shared';
import { makeMe } from '../../test/FakeServer';
import { TEST_CIPHER } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import { DexieDeviceStore } from './DexieDeviceStore';
import { localDocRow } from './docRows';
import { CURRENT_ROW, createDb, SCHEMA_V1 } from './JianyanDb';
import { createStorageHealth, StorageState } from './storageHealth';
import { runDeviceStoreContract } from './test/deviceStoreContract';

function openStore(name: string, health = createStorageHealth()): DexieDeviceStore {
  return new DexieDeviceStore({
    name,
    health,
    cipher: TEST_CIPHER,
    onBackgroundError: (err) => {
      throw err;
    },
  });
}

runDeviceStoreContract('DexieDeviceStore on fake-indexeddb', () => {
  const name = `test-${crypto.randomUUID()}`;
  const store = openStore(name);
  const others: DexieDeviceStore[] = [];
  return {
    store,
    openAgain: () => {
      const other = openStore(name);
      others.push(other);
      return other;
    },
    destroy: async () => {
      for (const other of others) {
        other.close();
      }
      await store.delete();
    },
  };
});

const opened: (Dexie | DexieDeviceStore)[] = [];

afterEach(() => {
  for (const each of opened.splice(0)) {
    each.close();
  }
});

describe('DexieDeviceStore upgrades (the database of an older app)', () => {
  it('keeps v1 update logs, unsent edits and documents, which stay listed as device-only', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const docId = newDocId();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('updates').bulkAdd([
      { docId, update: new Uint8Array([1, 2, 3]) },
      { docId, update: new Uint8Array([4, 5]) },
    ]);
    await old.table('unsent').add({ docId, update: new Uint8Array([4, 5]) });
    await old.table('docs').put({ id: docId, title: '旧提案', kind: DocKind.proposal, updatedAt: 42 });
    old.close();

    const store = openStore(name);
    opened.push(store);
    expect(await store.updates.read(roomNameOf(docId))).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]);
    expect(await store.updates.listUnsent(roomNameOf(docId))).toHaveLength(1);
    expect(await store.docs.get(docId)).toEqual({
      id: docId,
      title: '旧提案',
      kind: DocKind.proposal,
      updatedAt: 42,
      groupId: null,
      createdBy: null,
      createdAt: null,
      record: null,
      serverSeenAt: null,
      syncedAt: null,
    });
    expect(await store.outbox.list()).toEqual([]);
    expect(await store.workspace.read()).toBeNull();
  });

  it('keeps a v2 outbox when it adds the review tables of v3', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const docId = newDocId();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores({ ...SCHEMA_V1, account: 'key', workspace: 'key', outbox: '++seq, docId' });
    const userId = crypto.randomUUID();
    await old.table('outbox').add({ docId, userId, op: 'setArchived', payload: { isArchived: true }, attempts: 0 });
    old.close();

    const store = openStore(name);
    opened.push(store);
    expect(await store.outbox.list()).toEqual([expect.objectContaining({ docId, op: 'setArchived' })]);
    expect(await store.notifications.list(userId as never)).toEqual([]);
  });

  it('skips rows whose fields an older app or a bug wrote wrong', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const good = newDocId();
    const raw = new Dexie(name);
    raw.version(1).stores(SCHEMA_V1);
    await raw.table('docs').bulkPut([
      { id: good, title: '好', kind: DocKind.socialInfo, updatedAt: 2, record: { id: 'not a record' } },
      { id: 'not-a-uuid', title: '坏', kind: null, updatedAt: 1 },
    ]);
    await raw.table('updates').add({ docId: good, update: 'garbage' });
    raw.close();

    const store = openStore(name);
    opened.push(store);
    const rows = await store.docs.list();
    expect(rows.map((row) => row.id)).toEqual([good]);
    expect(rows[0]?.record).toBeNull();
    expect(await store.updates.read(roomNameOf(good))).toEqual([]);
  });
});

describe('DexieDeviceStore when the database is taken away (C2)', () => {
  it('asks to reload when another tab upgrades the database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const health = createStorageHealth();
    const store = openStore(name, health);
    opened.push(store);
    await store.docs.list();

    const newer = new Dexie(name);
    opened.push(newer);
    newer.version(40).stores({ updates: '++seq, docId', unsent: '++seq, docId', docs: 'id, updatedAt', extra: 'id' });
    await newer.open();
    await waitUntil(() => health.getSnapshot().state === StorageState.outdated, { what: 'the outdated state' });
  });
});

describe('DexieDeviceStore and the database of the app before each account had its own', () => {
  async function legacyOf(userId: string | null): Promise<{ name: string; docId: ReturnType<typeof newDocId> }> {
    const name = `test-legacy-${crypto.randomUUID()}`;
    const docId = newDocId();
    const legacy = createDb(name);
    if (userId !== null) {
      await legacy.account.put({
        key: CURRENT_ROW,
        me: makeMe([], { id: userId as never }),
        isExpired: false,
        savedAt: 1,
      });
    }
    await legacy.updates.add({ docId: roomNameOf(docId), update: new Uint8Array([1, 2]) });
    await legacy.unsent.add({ docId: roomNameOf(docId), update: new Uint8Array([1, 2]) });
    await legacy.docs.put(
      localDocRow({ id: docId, kind: DocKind.proposal, groupId: null, title: '旧草稿', createdBy: null, now: 5 }),
    );
    legacy.close();
    return { name, docId };
  }

  function openFor(userId: string, legacyName: string): DexieDeviceStore {
    const store = new DexieDeviceStore({
      name: `test-${crypto.randomUUID()}`,
      legacy: { name: legacyName, userId: userId as never },
      cipher: TEST_CIPHER,
      health: createStorageHealth(),
      onBackgroundError: (err) => {
        throw err;
      },
    });
    opened.push(store);
    return store;
  }

  it('moves it into the database of the account it belonged to, unsent edits included, and deletes it', async () => {
    const owner = crypto.randomUUID();
    const { name, docId } = await legacyOf(owner);
    const store = openFor(owner, name);
    expect(await store.updates.listUnsent(roomNameOf(docId))).toHaveLength(1);
    expect(await store.docs.get(docId)).toMatchObject({ title: '旧草稿' });
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('never shows it to another account, and keeps it for its owner', async () => {
    const { name, docId } = await legacyOf(crypto.randomUUID());
    const store = openFor(crypto.randomUUID(), name);
    expect(await store.docs.get(docId)).toBeNull();
    expect(await store.updates.read(roomNameOf(docId))).toEqual([]);
    expect(await Dexie.exists(name)).toBe(true);
    await Dexie.delete(name);
  });

  it('keeps one whose owner cannot be told where it is', async () => {
    const { name, docId } = await legacyOf(null);
    const store = openFor(crypto.randomUUID(), name);
    expect(await store.docs.get(docId)).toBeNull();
    expect(await Dexie.exists(name)).toBe(true);
    await Dexie.delete(name);
  });
});
