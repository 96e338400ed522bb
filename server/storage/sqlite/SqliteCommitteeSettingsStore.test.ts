import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeCommitteeSettingsStoreContract } from '../committeeSettingsStoreContract';
import { databasePath } from './databasePath';
import { SqliteCommitteeSettingsStore } from './SqliteCommitteeSettingsStore';

describeCommitteeSettingsStoreContract('SqliteCommitteeSettingsStore', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-settings-'));
  const store = new SqliteCommitteeSettingsStore({ path: databasePath(dir) });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
