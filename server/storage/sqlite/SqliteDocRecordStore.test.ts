import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DocKind, type RoomName } from '../../../shared/index';
import { EMPTY_BATCH } from '../DocStore';
import { describeDocRecordStoreContract } from '../docRecordStoreContract';
import { newDocumentId, newGroupId, newUserId, openSqliteRecordStores } from '../recordStoresHarness';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';
import { SqliteDocStore } from './SqliteDocStore';

describeDocRecordStoreContract('SqliteDocRecordStore', openSqliteRecordStores);

describe('SqliteDocRecordStore on the file the relay and older versions wrote', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) {
      await cleanup();
    }
  });

  it('lists the creator first among authors the relay recorded earlier', async () => {
    const harness = openSqliteRecordStores();
    const docs = new SqliteDocStore({ path: harness.file, checkpointInBackground: false });
    cleanups.push(async () => {
      await docs.close();
      await harness.dispose();
    });
    const [creator, early] = [newUserId(), newUserId()];
    const id = newDocumentId();
    await harness.records.createDocument({
      id,
      kind: DocKind.proposal,
      groupId: newGroupId(),
      title: '',
      createdBy: creator,
      createdAt: 50,
    });
    await docs.write({
      ...EMPTY_BATCH,
      updates: [{ room: id as string as RoomName, update: new Uint8Array([0, 0]) }],
      documents: [{ id, title: '新标题', updatedAt: 70, updatedBy: early }],
      authors: [{ docId: id, userId: early, at: 10 }],
    });
    expect(await harness.records.getDocument(id)).toMatchObject({
      title: '新标题',
      updatedBy: early,
      authorIds: [creator, early],
    });
  });

  it('shows documents stored before groups existed with no group and no creator', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-legacy-'));
    const file = databasePath(dir);
    const legacy = new Database(file);
    legacy.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT, updated_at INTEGER NOT NULL);
      CREATE TABLE updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
      PRAGMA user_version = 1;`);
    const id = newDocumentId();
    legacy.prepare('INSERT INTO documents (id, title, kind, updated_at) VALUES (?, ?, NULL, 42)').run(id, '旧文档');
    legacy.close();

    const store = new SqliteDocRecordStore({ path: file });
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    expect(await store.getDocument(id)).toEqual({
      id,
      kind: 'proposal',
      groupId: null,
      title: '旧文档',
      status: 'draft',
      isArchived: false,
      createdBy: null,
      createdAt: 42,
      updatedAt: 42,
      updatedBy: null,
      authorIds: [],
      cosigners: [],
    });
  });
});
