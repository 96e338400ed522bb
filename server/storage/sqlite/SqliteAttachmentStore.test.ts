import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeAttachmentStoreContract } from '../attachmentStoreContract';
import { databasePath } from './databasePath';
import { SqliteAttachmentStore } from './SqliteAttachmentStore';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';

describeAttachmentStoreContract('SqliteAttachmentStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-attachments-'));
  const file = databasePath(dir);
  // The record store migrates the file first, as openStores does.
  const records = new SqliteDocRecordStore({ path: file });
  const store = new SqliteAttachmentStore({ path: file });
  return {
    store,
    dispose: async () => {
      await store.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
