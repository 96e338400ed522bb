import 'fake-indexeddb/auto';
import { createStorageHealth, DexieDeviceStore, type StorageHealth } from '../core/storage';

/**
 * A device store of its own for one test, on fake-indexeddb. A failure nobody waits for fails the
 * test unless it says otherwise; `delete()` removes the database afterwards.
 */
export function openTestStore(
  options: {
    readonly name?: string;
    readonly health?: StorageHealth;
    readonly onBackgroundError?: (err: unknown) => void;
  } = {},
): DexieDeviceStore {
  return new DexieDeviceStore({
    name: options.name ?? `test-${crypto.randomUUID()}`,
    health: options.health ?? createStorageHealth(),
    onBackgroundError:
      options.onBackgroundError ??
      ((err) => {
        throw err;
      }),
  });
}
