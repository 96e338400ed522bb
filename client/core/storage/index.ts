/**
 * The device store port (everything this device keeps in IndexedDB), its Dexie adapter, the
 * health of its writes for the UI, and the browser's storage persistence.
 */
export type { AccountRow, DeviceAccounts, KeyringRow, WrappedKey } from './DeviceAccounts';
export type {
  ActivityCacheStore,
  ActivityStore,
  BackupRowStore,
  BackupRows,
  BackupTally,
  CachedActivities,
  CompactionResult,
  DeviceStore,
  DocFileStore,
  DocRow,
  DocRowChange,
  DocRowStore,
  NewLocalDocument,
  NewOutboxRow,
  NotificationStore,
  OutboxAddOptions,
  OutboxFailure,
  OutboxRowStore,
  SearchIndexStore,
  StoredDocFile,
  StoredOutboxRow,
  StoredUpdate,
  UpdateLogStore,
  WorkspaceRow,
  WorkspaceStore,
} from './DeviceStore';
export { DexieDeviceAccounts, type DexieDeviceAccountsOptions } from './DexieDeviceAccounts';
export { DexieDeviceStore, type DexieDeviceStoreOptions } from './DexieDeviceStore';
export {
  ACCOUNT_DB_PREFIX,
  accountDatabaseName,
  DEVICE_DB_NAME,
  hasAppDatabases,
  LEGACY_DB_NAME,
} from './databaseNames';
export { BACKUP_TABLES, RestoreRule } from './dexieBackupRows';
export { MAX_STORED_NOTIFICATIONS } from './dexieReviewRows';
export { emptyDocRow, localDocRow, withServerRecord } from './docRows';
export type { RowCipher } from './RowCipher';
export { readStorageReport, requestPersistence, type StorageReport } from './requestPersistence';
export { sameJson } from './sameJson';
export {
  createStorageHealth,
  hasUnsavedWrites,
  type StorageHealth,
  type StorageHealthSnapshot,
  StorageState,
} from './storageHealth';
