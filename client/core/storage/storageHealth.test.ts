import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/waitUntil';
import { createDb } from './JianyanDb';
import { createStorageHealth, hasUnsavedWrites, StorageState, watchDatabase } from './storageHealth';

const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
  }
});

describe('watchDatabase (C2)', () => {
  it('asks to reload when another tab upgrades the database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = createDb(name);
    opened.push(db);
    await db.open();
    const health = createStorageHealth();
    watchDatabase(db, health);

    const newer = new Dexie(name);
    opened.push(newer);
    newer.version(2).stores({ updates: '++seq, docId', unsent: '++seq, docId', docs: 'id, updatedAt', extra: 'id' });
    await newer.open();
    await waitUntil(() => health.getSnapshot().state === StorageState.outdated, { what: 'the outdated state' });
  });

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
