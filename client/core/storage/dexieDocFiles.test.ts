import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/testStore';
import { createRowCipher, newDataKey } from '../keys';
import type { DexieDeviceStore } from './DexieDeviceStore';

const opened: DexieDeviceStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) {
    await store.delete();
  }
});

const SHA = 'c'.repeat(64);
/** A PDF's first bytes and a phrase that must never be readable on disk. */
const BYTES = new TextEncoder().encode('%PDF-1.4 村口桥梁护栏破损现场记录');

describe('DexieDocFiles', () => {
  it('keeps a file sealed by its SHA-256 and reads it back whole', async () => {
    const name = `files-${crypto.randomUUID()}`;
    const store = openTestStore({ name, cipher: createRowCipher(newDataKey()) });
    opened.push(store);
    expect(await store.files.read(SHA)).toBeNull();
    expect(await store.files.has(SHA)).toBe(false);
    await store.files.save({ sha256: SHA, mediaType: 'application/pdf', bytes: BYTES, storedAt: 1 });
    expect(await store.files.has(SHA)).toBe(true);
    const read = await store.files.read(SHA);
    expect(read?.mediaType).toBe('application/pdf');
    expect([...(read?.bytes ?? [])]).toEqual([...BYTES]);

    const raw = new Dexie(name);
    await raw.open();
    const rows = await raw.table('files').toArray();
    raw.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('application/pdf');
    expect(Object.keys(rows[0] as object).sort()).toEqual(['$sealed', 'sha256']);
  });

  it('reads a row it cannot trust as absent, and refuses a name that is not a SHA-256', async () => {
    const store = openTestStore({ name: `files-${crypto.randomUUID()}`, cipher: createRowCipher(newDataKey()) });
    opened.push(store);
    await store.files.save({ sha256: SHA, mediaType: 'application/pdf', bytes: new Uint8Array(), storedAt: 1 });
    expect(await store.files.read(SHA)).toBeNull();
    expect(await store.files.read('../etc')).toBeNull();
  });
});
