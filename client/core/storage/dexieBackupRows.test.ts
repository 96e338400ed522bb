import 'fake-indexeddb/auto';
import type { Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomName } from '../../../shared';
import { makeMe } from '../../test/FakeServer';
import { TEST_CIPHER } from '../../test/testStore';
import { DexieBackupRows } from './dexieBackupRows';
import { CURRENT_ROW, createDb, type JianyanDb } from './JianyanDb';
import { TabChannel } from './TabChannel';
import { UnsentCounts } from './UnsentCounts';

interface FileRow {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly type: string;
}

const opened: JianyanDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    await db.delete();
  }
});

/** A store of a later app version with one table more (file bytes, a search index). */
function laterDb(): JianyanDb & { files: Table<FileRow, string> } {
  const db = createDb(`test-${crypto.randomUUID()}`, TEST_CIPHER);
  db.version(50).stores({ files: 'id', searchIndex: 'key' });
  opened.push(db);
  return db as JianyanDb & { files: Table<FileRow, string> };
}

function rowsOf(db: JianyanDb): DexieBackupRows {
  const channel = new TabChannel(`test-${crypto.randomUUID()}`);
  const counts = new UnsentCounts({
    channel,
    onReadError: (err) => {
      throw err;
    },
    source: { readAll: async () => [], readRoom: async () => [] },
  });
  return new DexieBackupRows(db, counts, channel);
}

describe('the backup rows of the Dexie store', () => {
  it('takes a table no line names (file bytes) and brings it back by key, the device row winning', async () => {
    const a = laterDb();
    await a.files.bulkAdd([
      { id: 'f1', bytes: new Uint8Array([1, 2, 3]), type: 'image/png' },
      { id: 'f2', bytes: new Uint8Array([4]), type: 'image/jpeg' },
    ]);
    const { rows } = await rowsOf(a).exportRows();
    expect(rows.tables.files).toHaveLength(2);

    const b = laterDb();
    await b.files.add({ id: 'f2', bytes: new Uint8Array([9]), type: 'image/jpeg' });
    const added = await rowsOf(b).restoreRows(rows);
    expect(added.rows).toBe(1);
    expect(await b.files.get('f1')).toEqual({ id: 'f1', bytes: new Uint8Array([1, 2, 3]), type: 'image/png' });
    expect((await b.files.get('f2'))?.bytes).toEqual(new Uint8Array([9]));
  });

  it('adds an update a room lacks and never one it holds', async () => {
    const a = laterDb();
    const room = 'room-1' as RoomName;
    await a.updates.bulkAdd([
      { docId: room, update: new Uint8Array([1]) },
      { docId: room, update: new Uint8Array([2]) },
    ]);
    const { rows } = await rowsOf(a).exportRows();
    const b = laterDb();
    await b.updates.add({ docId: room, update: new Uint8Array([2]) });
    expect((await rowsOf(b).restoreRows(rows)).rows).toBe(1);
    expect((await b.updates.toArray()).map((row) => [...row.update]).sort()).toEqual([[1], [2]]);
  });

  it('leaves out the device’s own sign-in row', async () => {
    const a = laterDb();
    await a.account.put({ key: CURRENT_ROW, me: makeMe([]), isExpired: false, savedAt: 1 });
    const { rows } = await rowsOf(a).exportRows();
    expect(rows.tables.account).toBeUndefined();
    expect(Object.keys(rows.tables)).toEqual(expect.arrayContaining(['updates', 'unsent', 'outbox', 'docs', 'files']));
  });
});
