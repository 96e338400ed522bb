/**
 * Slows down password guessing. Failures are counted per key (a username, a client address);
 * after `maxFailures` within `windowMs` the key is blocked, for `baseDelayMs` at first and twice
 * as long after each further failure, up to `maxDelayMs`. A success resets the key. Kept in
 * memory: a restart forgets it, which costs an attacker a restart of someone else's server.
 */

/** Five tries cover a forgotten caps lock and a couple of old passwords. */
export const DEFAULT_MAX_FAILURES = 5;
/** Failures older than this no longer count towards the first block. */
export const DEFAULT_WINDOW_MS = 15 * 60 * 1000;
/** The first block: short enough for a person who mistyped. */
export const DEFAULT_BASE_DELAY_MS = 30 * 1000;
/** Blocks double up to one hour: about 24 guesses a day per username once it is reached. */
export const DEFAULT_MAX_DELAY_MS = 60 * 60 * 1000;
/** Keys remembered at most; idle ones go first, so a flood of usernames cannot exhaust memory. */
export const DEFAULT_MAX_KEYS = 10_000;

export interface LoginThrottleOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly maxKeys?: number;
  /** The clock; Date.now by default. */
  readonly now?: () => number;
}

interface Entry {
  /** Times of the failures within the window, oldest first. */
  failures: number[];
  /** How many blocks this key earned since it was last idle: the exponent of the next delay. */
  strikes: number;
  blockedUntil: number;
}

export class LoginThrottle {
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: LoginThrottleOptions = {}) {
    this.#maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
    this.#windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.#baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.#maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.#now = options.now ?? Date.now;
  }

  /** How long until any of `keys` may try again, in whole seconds; 0 when all may try now. */
  retryAfterSeconds(keys: readonly string[]): number {
    const now = this.#now();
    let until = now;
    for (const key of keys) {
      until = Math.max(until, this.#entries.get(key)?.blockedUntil ?? 0);
    }
    return Math.ceil((until - now) / 1000);
  }

  /** Counts a failed attempt against each key, blocking those that reached the limit. */
  recordFailure(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) {
      const entry = this.#entryOf(key, now);
      entry.failures = entry.failures.filter((at) => now - at < this.#windowMs);
      entry.failures.push(now);
      // Once blocked, every failure blocks again until the key has been idle for a window.
      if (entry.failures.length >= this.#maxFailures || entry.strikes > 0) {
        const delay = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** entry.strikes);
        entry.strikes += 1;
        entry.blockedUntil = now + delay;
      }
    }
  }

  /** Forgets the failures of each key: after a successful sign-in. */
  reset(keys: readonly string[]): void {
    for (const key of keys) {
      this.#entries.delete(key);
    }
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.#entries.size;
  }

  #entryOf(key: string, now: number): Entry {
    const existing = this.#entries.get(key);
    if (existing !== undefined && !this.#isIdle(existing, now)) {
      // Re-insert so that Map order is least recently failed first.
      this.#entries.delete(key);
      this.#entries.set(key, existing);
      return existing;
    }
    const entry: Entry = { failures: [], strikes: 0, blockedUntil: 0 };
    this.#entries.delete(key);
    this.#makeRoom(now);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Idle: not blocked, and no failure within the window after the block ended. */
  #isIdle(entry: Entry, now: number): boolean {
    const last = entry.failures.at(-1) ?? 0;
    return now >= entry.blockedUntil && now - Math.max(last, entry.blockedUntil) >= this.#windowMs;
  }

  #makeRoom(now: number): void {
    if (this.#entries.size < this.#maxKeys) {
      return;
    }
    for (const [key, entry] of this.#entries) {
      if (this.#isIdle(entry, now)) {
        this.#entries.delete(key);
      }
    }
    // Still full of live keys: forget the least recently failed one.
    const oldest = this.#entries.keys().next();
    if (this.#entries.size >= this.#maxKeys && oldest.done !== true) {
      this.#entries.delete(oldest.value);
    }
  }
}
