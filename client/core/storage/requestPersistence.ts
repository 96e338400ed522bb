/** What the browser says about this origin's storage. */
export interface StorageReport {
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
  readonly isPersisted: boolean | null;
}

/**
 * Asks the browser not to evict this origin's data under storage pressure (C2). Browsers may
 * grant it silently, ask the user, or refuse; the answer is shown, not enforced.
 */
export async function requestPersistence(): Promise<boolean | null> {
  if (typeof navigator.storage?.persist !== 'function') {
    return null;
  }
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

/** Current usage, quota and persistence of this origin's storage; nulls where unknown. */
export async function readStorageReport(): Promise<StorageReport> {
  const storage = navigator.storage;
  if (storage === undefined) {
    return { usageBytes: null, quotaBytes: null, isPersisted: null };
  }
  const [estimate, isPersisted] = await Promise.all([
    storage.estimate().catch(() => null),
    storage.persisted().catch(() => null),
  ]);
  return { usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, isPersisted };
}
