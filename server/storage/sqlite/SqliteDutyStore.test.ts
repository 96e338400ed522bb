import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeDutyStoreContract } from '../dutyStoreContract';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';
import { SqliteDutyStore } from './SqliteDutyStore';

describeDutyStoreContract('SqliteDutyStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-duty-'));
  const file = databasePath(dir);
  // The record store migrates the file first.
  const records = new SqliteDocRecordStore({ path: file });
  const duty = new SqliteDutyStore({ path: file });
  return {
    duty,
    dispose: async () => {
      await duty.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
