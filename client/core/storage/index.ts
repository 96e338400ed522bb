/**
 * The device store port (everything this device keeps in IndexedDB), its Dexie adapter, the
 * health of its writes for the UI, and the browser's storage persistence.
 */
export type {
  AccountRow,
  AccountStore,
  ActivityStore,
  CompactionResult,
  DeviceStore,
  DocRow,
  DocRowChange,
  DocRowStore,
  NewLocalDocument,
  NewOutboxRow,
  NotificationStore,
  OutboxAddOptions,
  OutboxFailure,
  OutboxRowStore,
  StoredOutboxRow,
  StoredUpdate,
  UpdateLogStore,
  WorkspaceRow,
} from './DeviceStore';
export { DexieDeviceStore, type DexieDeviceStoreOptions } from './DexieDeviceStore';
export { MAX_STORED_NOTIFICATIONS } from './dexieReviewRows';
export { emptyDocRow, localDocRow, withServerRecord } from './docRows';
export { readStorageReport, requestPersistence, type StorageReport } from './requestPersistence';
export { sameJson } from './sameJson';
export {
  createStorageHealth,
  hasUnsavedWrites,
  type StorageHealth,
  type StorageHealthSnapshot,
  StorageState,
} from './storageHealth';
