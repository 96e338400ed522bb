import { describe, expect, it } from 'vitest';
import { MemoryLoginThrottleStore } from './MemoryLoginThrottleStore';

const MINUTE = 60_000;

describe('MemoryLoginThrottleStore', () => {
  it('remembers a bounded number of keys, dropping expired ones first', async () => {
    const clock = { now: 0 };
    const store = new MemoryLoginThrottleStore({ maxKeys: 4, now: () => clock.now });
    const entry = { failures: [0], strikes: 0, blockedUntil: 0 };
    await store.update('short', () => ({ entry, ttlMs: 5 * MINUTE }));
    await store.update('long', () => ({ entry, ttlMs: 60 * MINUTE }));
    await store.update('other', () => ({ entry, ttlMs: 60 * MINUTE }));
    await store.update('another', () => ({ entry, ttlMs: 60 * MINUTE }));
    clock.now += 10 * MINUTE;
    await store.update('new', () => ({ entry, ttlMs: 15 * MINUTE }));
    expect(store.size).toBe(4);
    expect(await store.load(['short', 'long'])).toEqual([null, entry]);
    // Full of live keys: the least recently updated goes.
    await store.update('newer', () => ({ entry, ttlMs: 15 * MINUTE }));
    expect(await store.load(['long', 'other', 'newer'])).toEqual([null, entry, entry]);
    for (let i = 0; i < 20; i += 1) {
      await store.update(`k${i}`, () => ({ entry, ttlMs: 15 * MINUTE }));
      expect(store.size).toBeLessThanOrEqual(4);
    }
  });

  it('hands an update the entry it replaces, and forgets a deleted key', async () => {
    const store = new MemoryLoginThrottleStore();
    await store.update('k', (current) => ({
      entry: { failures: [1], strikes: current === null ? 0 : 9, blockedUntil: 0 },
      ttlMs: 1,
    }));
    await store.update('k', (current) => ({
      entry: { failures: [...(current?.failures ?? []), 2], strikes: 1, blockedUntil: 5 },
      ttlMs: 1,
    }));
    expect(await store.load(['k', 'missing'])).toEqual([{ failures: [1, 2], strikes: 1, blockedUntil: 5 }, null]);
    await store.delete('k');
    expect(await store.load(['k'])).toEqual([null]);
  });
});
