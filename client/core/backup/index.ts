/**
 * Device backup and restore (docs/DEVICE.md, 本机备份): the account's rows on this device in one
 * file sealed with the member's password, merged back into the store of any device.
 */
export {
  BACKUP_FORMAT,
  type BackupContents,
  BackupError,
  BackupErrorCode,
  type BackupHeader,
  type BackupOwner,
  backupFileName,
  type InspectedBackup,
  inspectBackup,
  MAX_BACKUP_BYTES,
  readBackup,
  writeBackup,
} from './backupFile';
export {
  type BackupStage,
  backUpDevice,
  localRestoredOperations,
  type MadeBackup,
  memoryRestoredOperations,
  type RestoredOperations,
  restoreDevice,
} from './deviceBackup';
