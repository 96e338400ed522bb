import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeDocFileStoreContract } from '../docFileStoreContract';
import { databasePath } from './databasePath';
import { SqliteDocFileStore } from './SqliteDocFileStore';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';

describeDocFileStoreContract('SqliteDocFileStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-doc-files-'));
  const file = databasePath(dir);
  // The record store migrates the file first, as openStores does.
  const records = new SqliteDocRecordStore({ path: file });
  const store = new SqliteDocFileStore({ path: file });
  const other = new SqliteDocFileStore({ path: file });
  return {
    store,
    other,
    dispose: async () => {
      await store.close();
      await other.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
