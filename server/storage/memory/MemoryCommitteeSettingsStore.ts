import type { CommitteeSettingKey, CommitteeSettingsStore, StoredSetting } from '../CommitteeSettingsStore';

/** Committee settings in memory: for tests, and as the reference for the contract. */
export class MemoryCommitteeSettingsStore implements CommitteeSettingsStore {
  readonly #settings = new Map<CommitteeSettingKey, string>();
  readonly #meta = new Map<CommitteeSettingKey, Omit<StoredSetting, 'value'>>();
  #isClosed = false;

  async getSetting(key: CommitteeSettingKey): Promise<StoredSetting | null> {
    this.#assertOpen('read a committee setting');
    const json = this.#settings.get(key);
    const meta = this.#meta.get(key);
    return json === undefined || meta === undefined ? null : { ...meta, value: JSON.parse(json) };
  }

  async putSetting(key: CommitteeSettingKey, setting: StoredSetting): Promise<void> {
    this.#assertOpen('store a committee setting');
    // Kept as JSON, as the databases keep it: later changes to the caller's object do not leak in.
    this.#settings.set(key, JSON.stringify(setting.value));
    this.#meta.set(key, { updatedBy: setting.updatedBy, updatedAt: setting.updatedAt });
  }

  close(): Promise<void> {
    this.#isClosed = true;
    return Promise.resolve();
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new Error(`Cannot ${operation}: the committee settings store is closed`);
    }
  }
}
