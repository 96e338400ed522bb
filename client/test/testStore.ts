import 'fake-indexeddb/auto';
import { createRowCipher, newDataKey } from '../core/keys';
import { createStorageHealth, DexieDeviceStore, type RowCipher, type StorageHealth } from '../core/storage';

/** One data key for every test store of a run: a store opened again under the same name reads it. */
export const TEST_CIPHER: RowCipher = createRowCipher(newDataKey());

/**
 * A device store of its own for one test, on fake-indexeddb. A failure nobody waits for fails the
 * test unless it says otherwise; `delete()` removes the database afterwards.
 */
export function openTestStore(
  options: {
    readonly name?: string;
    readonly health?: StorageHealth;
    readonly onBackgroundError?: (err: unknown) => void;
    readonly cipher?: RowCipher;
  } = {},
): DexieDeviceStore {
  return new DexieDeviceStore({
    name: options.name ?? `test-${crypto.randomUUID()}`,
    health: options.health ?? createStorageHealth(),
    cipher: options.cipher ?? TEST_CIPHER,
    onBackgroundError:
      options.onBackgroundError ??
      ((err) => {
        throw err;
      }),
  });
}
