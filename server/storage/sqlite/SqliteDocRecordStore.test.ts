import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeDocRecordStoreContract } from '../docRecordStoreContract';
import { newDocumentId, openSqliteRecordStores } from '../recordStoresHarness';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';

describeDocRecordStoreContract('SqliteDocRecordStore', openSqliteRecordStores);

describe('SqliteDocRecordStore on the file the relay and older versions wrote', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) {
      await cleanup();
    }
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
      lastReturn: null,
      fields: {},
    });
  });
});
