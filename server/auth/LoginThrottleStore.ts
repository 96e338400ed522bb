/**
 * Where the sign-in throttle keeps its counters: in this process (`MemoryLoginThrottleStore`, the
 * default) or in Redis, shared by every process behind the load balancer
 * (`RedisLoginThrottleStore`). The store only loads and stores entries; what a failure does to an
 * entry is the policy's (`throttlePolicy.ts`), the same whatever the store.
 */

/** The state of one counter: a username from an address, an address, or a username. */
export interface ThrottleEntry {
  /** Times of the failures within the window, oldest first. */
  readonly failures: readonly number[];
  /** How many blocks this key earned since it was last idle: the exponent of the next delay. */
  readonly strikes: number;
  /** Until when the key is refused; 0 or past when it is not. */
  readonly blockedUntil: number;
}

/** An entry to store, and how long it matters: after `ttlMs` it is idle and may be forgotten. */
export interface StoredThrottleEntry {
  readonly entry: ThrottleEntry;
  readonly ttlMs: number;
}

export interface LoginThrottleStore {
  /** The entries of these keys, in the same order; null for a key never stored or forgotten. */
  load(keys: readonly string[]): Promise<(ThrottleEntry | null)[]>;
  /**
   * Replaces the entry of `key` with what `change` makes of it, atomically: no other update of
   * that key, in this process or another, comes between the read and the write. `change` may be
   * called more than once (the Redis store retries when another process wrote first).
   */
  update(key: string, change: (current: ThrottleEntry | null) => StoredThrottleEntry): Promise<void>;
  /** Forgets the entry of `key`; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}
