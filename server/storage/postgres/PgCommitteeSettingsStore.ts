import { parseUserId } from '../../../shared/index';
import {
  type CommitteeSettingKey,
  type CommitteeSettingsStore,
  parseStoredSetting,
  type StoredSetting,
} from '../CommitteeSettingsStore';
import { need } from '../rows/rowChecks';
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';

interface SettingRow {
  value: string;
  updated_by: string | null;
  updated_at: string | number;
}

/** Committee settings in PostgreSQL (`committee_settings`), as SqliteCommitteeSettingsStore keeps them. */
export class PgCommitteeSettingsStore implements CommitteeSettingsStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: Omit<PgDatabaseOptions, 'name'>): Promise<PgCommitteeSettingsStore> {
    return new PgCommitteeSettingsStore(await PgDatabase.open({ ...options, name: 'committee settings store' }));
  }

  getSetting(key: CommitteeSettingKey): Promise<StoredSetting | null> {
    return this.#db.read('read a committee setting', async (q) => {
      const row = await q.get<SettingRow>(
        'SELECT value, updated_by, updated_at FROM committee_settings WHERE key = $1',
        key,
      );
      if (row === undefined) {
        return null;
      }
      return {
        value: parseStoredSetting(key, row.value),
        updatedBy:
          row.updated_by === null ? null : need(parseUserId(row.updated_by), 'committee_settings', key, 'updated_by'),
        updatedAt: Number(row.updated_at),
      };
    });
  }

  putSetting(key: CommitteeSettingKey, setting: StoredSetting): Promise<void> {
    return this.#db.write('store a committee setting', async (q) => {
      await q.run(
        `INSERT INTO committee_settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)
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
    return this.#db.close();
  }
}
