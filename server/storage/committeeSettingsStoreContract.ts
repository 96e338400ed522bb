import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../shared/index';
import { CommitteeSettingKey, type CommitteeSettingsStore } from './CommitteeSettingsStore';

/** A fresh, empty store of one adapter, and how to release what was opened for it. */
export interface CommitteeSettingsHarness {
  readonly store: CommitteeSettingsStore;
  dispose(): Promise<void>;
}

/** The behaviour every CommitteeSettingsStore adapter must show; each adapter's test runs it. */
export function describeCommitteeSettingsStoreContract(
  name: string,
  open: () => CommitteeSettingsHarness | Promise<CommitteeSettingsHarness>,
): void {
  describe(`${name} (CommitteeSettingsStore contract)`, () => {
    let harness: CommitteeSettingsHarness;
    let store: CommitteeSettingsStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(() => harness.dispose());

    it('answers null for a setting never set, then the last value put, with who and when', async () => {
      expect(await store.getSetting(CommitteeSettingKey.categories)).toBeNull();
      const secretariat = randomUUID() as UserId;
      const first = { categories: [{ id: 'economy', name: '经济建设' }] };
      await store.putSetting(CommitteeSettingKey.categories, { value: first, updatedBy: secretariat, updatedAt: 10 });
      expect(await store.getSetting(CommitteeSettingKey.categories)).toEqual({
        value: first,
        updatedBy: secretariat,
        updatedAt: 10,
      });
      const second = { categories: [{ id: 'other', name: '其他' }], nested: { flag: true, n: 1.5 } };
      await store.putSetting(CommitteeSettingKey.categories, { value: second, updatedBy: null, updatedAt: 20 });
      expect(await store.getSetting(CommitteeSettingKey.categories)).toEqual({
        value: second,
        updatedBy: null,
        updatedAt: 20,
      });
    });

    it('refuses every call once closed', async () => {
      await store.close();
      await expect(store.getSetting(CommitteeSettingKey.categories)).rejects.toThrow(
        /committee settings store is closed/,
      );
    });
  });
}
