import type { LoginThrottleStore, StoredThrottleEntry, ThrottleEntry } from './LoginThrottleStore';

/** Keys remembered at most; expired ones go first, so a flood of usernames cannot exhaust memory. */
export const DEFAULT_MAX_KEYS = 10_000;

export interface MemoryLoginThrottleStoreOptions {
  readonly maxKeys?: number;
  /** The clock of expiry, the throttle's; Date.now by default. */
  readonly now?: () => number;
}

interface Held {
  readonly entry: ThrottleEntry;
  readonly expiresAt: number;
}

/**
 * The throttle's counters in this process: the default for a single server. A restart forgets
 * them (which costs an attacker a restart of someone else's server), and each process of a
 * scaled-out deployment would count on its own: those share `RedisLoginThrottleStore` instead.
 * Every update runs synchronously, so it is atomic within the process.
 */
export class MemoryLoginThrottleStore implements LoginThrottleStore {
  readonly #maxKeys: number;
  readonly #now: () => number;
  /** In Map order, least recently updated first. */
  readonly #held = new Map<string, Held>();

  constructor(options: MemoryLoginThrottleStoreOptions = {}) {
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.#now = options.now ?? Date.now;
  }

  /** The entries of these keys, in order; null for a key never stored or evicted. */
  async load(keys: readonly string[]): Promise<(ThrottleEntry | null)[]> {
    return keys.map((key) => this.#held.get(key)?.entry ?? null);
  }

  /** Replaces the entry of `key` with what `change` makes of it, evicting another key when full. */
  async update(key: string, change: (current: ThrottleEntry | null) => StoredThrottleEntry): Promise<void> {
    const stored = change(this.#held.get(key)?.entry ?? null);
    const now = this.#now();
    // Re-insert so that Map order stays least recently updated first.
    this.#held.delete(key);
    this.#makeRoom(now);
    this.#held.set(key, { entry: stored.entry, expiresAt: now + stored.ttlMs });
  }

  /** Forgets the entry of `key`. */
  async delete(key: string): Promise<void> {
    this.#held.delete(key);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.#held.size;
  }

  #makeRoom(now: number): void {
    if (this.#held.size < this.#maxKeys) {
      return;
    }
    for (const [key, held] of this.#held) {
      if (held.expiresAt <= now) {
        this.#held.delete(key);
      }
    }
    // Still full of live keys: forget the least recently updated one.
    const oldest = this.#held.keys().next();
    if (this.#held.size >= this.#maxKeys && oldest.done !== true) {
      this.#held.delete(oldest.value);
    }
  }
}
