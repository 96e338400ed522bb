import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DocKind, newDocId, roomNameOf } from '../../../shared';
import { waitUntil } from '../../test/waitUntil';
import { DexieDeviceStore } from './DexieDeviceStore';
import { SCHEMA_V1 } from './JianyanDb';
import { createStorageHealth, StorageState } from './storageHealth';
import { runDeviceStoreContract } from './test/deviceStoreContract';

function openStore(name: string, health = createStorageHealth()): DexieDeviceStore {
  return new DexieDeviceStore({
    name,
    health,
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
    expect(await store.account.read()).toBeNull();
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
