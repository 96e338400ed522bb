import type { UserId } from '../../shared/index';

/** The committee settings there are, by the key they are stored under. */
export const CommitteeSettingKey = {
  /** The category list (shared/api/committee.ts `categoryListRequestSchema`). */
  categories: 'categories',
  /** The checks before submitting (shared/api/submitChecks.ts `submitChecksRequestSchema`). */
  submitChecks: 'submitChecks',
} as const;
export type CommitteeSettingKey = (typeof CommitteeSettingKey)[keyof typeof CommitteeSettingKey];

/** A setting as stored: its JSON value (validated by the route that reads it), who set it and when. */
export interface StoredSetting {
  readonly value: unknown;
  readonly updatedBy: UserId | null;
  readonly updatedAt: number;
}

/**
 * Settings of the whole committee that the secretariat edits (the category list, the checks before submitting), one JSON value
 * per key. Adapters: memory, SQLite, PostgreSQL (`committee_settings`); the contract is
 * committeeSettingsStoreContract.ts.
 */
export interface CommitteeSettingsStore {
  /** The stored setting; null when it was never set (the caller uses its defaults). */
  getSetting(key: CommitteeSettingKey): Promise<StoredSetting | null>;
  /** Replaces the setting; the value must be JSON. */
  putSetting(key: CommitteeSettingKey, setting: StoredSetting): Promise<void>;
  close(): Promise<void>;
}

/** Reads back a stored JSON value; a value that is not JSON is damaged data and throws. */
export function parseStoredSetting(key: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`Stored data is damaged: committee setting ${key} is not JSON`);
  }
}
