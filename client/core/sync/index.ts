/** Brings every document of the account's groups onto the device, a few at a time. */
export {
  BACKGROUND_SYNC_CONCURRENCY,
  BackgroundSync,
  type BackgroundSyncOptions,
  type BackgroundSyncState,
  IDLE_SYNC_STATE,
  type SyncTarget,
} from './BackgroundSync';
