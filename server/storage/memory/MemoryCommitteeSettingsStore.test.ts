import { describeCommitteeSettingsStoreContract } from '../committeeSettingsStoreContract';
import { MemoryCommitteeSettingsStore } from './MemoryCommitteeSettingsStore';

describeCommitteeSettingsStoreContract('MemoryCommitteeSettingsStore', () => {
  const store = new MemoryCommitteeSettingsStore();
  return { store, dispose: () => store.close() };
});
