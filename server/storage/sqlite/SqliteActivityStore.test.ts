import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeActivityStoreContract } from '../activityStoreContract';
import { databasePath } from './databasePath';
import { SqliteActivityStore } from './SqliteActivityStore';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';

describeActivityStoreContract('SqliteActivityStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-activities-'));
  const file = databasePath(dir);
  // The record store migrates the file first.
  const records = new SqliteDocRecordStore({ path: file });
  const activities = new SqliteActivityStore({ path: file });
  return {
    activities,
    dispose: async () => {
      await activities.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
