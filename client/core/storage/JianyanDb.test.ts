import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DocKind, newDocId } from '../../../shared';
import { getDocRecord, listDocRecords } from './docRecords';
import { createDb, type JianyanDb, SCHEMA_V1 } from './JianyanDb';
import { countUnsent, readUpdates } from './updateLog';

let db: JianyanDb | null = null;

afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('JianyanDb upgrade from v1', () => {
  it('keeps update logs, unsent edits and documents, which stay listed as device-only', async () => {
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

    db = createDb(name);
    expect(await readUpdates(db, docId)).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]);
    expect(await countUnsent(db, docId)).toBe(1);
    expect(await getDocRecord(db, docId)).toEqual({
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
    expect(db.verno).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.account.count()).toBe(0);
  });

  it('keeps a v2 outbox and account when it adds the review tables of v3', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const docId = newDocId();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores({ ...SCHEMA_V1, account: 'key', workspace: 'key', outbox: '++seq, docId' });
    await old.table('outbox').add({ docId, op: 'setArchived', payload: { isArchived: true }, attempts: 0 });
    old.close();

    db = createDb(name);
    expect(db.verno).toBe(3);
    expect(await db.outbox.where('docId').equals(docId).count()).toBe(1);
    expect(await db.activity.count()).toBe(0);
    expect(await db.notifications.where('userId').equals('nobody').count()).toBe(0);
  });

  it('drops rows whose fields an older app or a bug wrote wrong', async () => {
    db = createDb(`test-${crypto.randomUUID()}`);
    const good = newDocId();
    await db.docs.bulkPut([
      { id: good, title: '好', kind: DocKind.socialInfo, updatedAt: 2, record: { id: 'not a record' } as never },
      { id: 'not-a-uuid', title: '坏', kind: null, updatedAt: 1 } as never,
    ]);
    const rows = await listDocRecords(db);
    expect(rows.map((row) => row.id)).toEqual([good]);
    expect(rows[0]?.record).toBeNull();
  });
});
