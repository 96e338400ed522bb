import { describe, expect, it } from 'vitest';
import { createStorageHealth, hasUnsavedWrites } from './storageHealth';

describe('storage health', () => {
  it('counts writes in flight and failures until they settle', () => {
    const health = createStorageHealth();
    const settle = health.beginWrite();
    expect(hasUnsavedWrites(health.getSnapshot())).toBe(true);
    settle({ ok: false, error: new Error('QuotaExceededError') });
    expect(health.getSnapshot()).toMatchObject({ state: 'failing', inFlight: 0, lastError: 'QuotaExceededError' });
    const release = health.holdFailed();
    expect(hasUnsavedWrites(health.getSnapshot())).toBe(true);
    release();
    release();
    expect(hasUnsavedWrites(health.getSnapshot())).toBe(false);
  });
});
