import { parseUserId } from '../../../shared/index';
import {
  type CommitteeSettingKey,
  type CommitteeSettingsStore,
  parseStoredSetting,
  type StoredSetting,
} from '../CommitteeSettingsStore';
import { need } from '../rows/rowChecks';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';

interface SettingRow {
  value: string;
  updated_by: string | null;
  updated_at: number;
}

/** Committee settings in the shared SQLite file (`committee_settings`), on a connection of their own. */
export class SqliteCommitteeSettingsStore implements CommitteeSettingsStore {
  readonly #q: SqliteQueries;

  constructor(options: { readonly path: string }) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'committee settings store');
  }

  getSetting(key: CommitteeSettingKey): Promise<StoredSetting | null> {
    return this.#q.read('read a committee setting', () => {
      const row = this.#q.get<SettingRow>(
        'SELECT value, updated_by, updated_at FROM committee_settings WHERE key = ?',
        key,
      );
      if (row === undefined) {
        return null;
      }
      return {
        value: parseStoredSetting(key, row.value),
        updatedBy:
          row.updated_by === null ? null : need(parseUserId(row.updated_by), 'committee_settings', key, 'updated_by'),
        updatedAt: row.updated_at,
      };
    });
  }

  putSetting(key: CommitteeSettingKey, setting: StoredSetting): Promise<void> {
    return this.#q.write('store a committee setting', () => {
      this.#q.run(
        `INSERT INTO committee_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        key,
        JSON.stringify(setting.value),
        setting.updatedBy,
        setting.updatedAt,
      );
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
