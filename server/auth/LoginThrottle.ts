/**
 * Slows down password guessing without letting a guesser lock the owner out. Three counters, all
 * in memory (a restart forgets them, which costs an attacker a restart of someone else's server):
 *
 * - a username from one address: after `maxFailures` within `windowMs` that pair is blocked, for
 *   `baseDelayMs` at first and twice as long after each further failure, up to `maxDelayMs`;
 * - an address, whatever the usernames: blocked the same way after `addressMaxFailures`;
 * - a username from everywhere: never blocked, since the right password must still work from
 *   another address while someone hammers the name; after `slowAfterFailures` every attempt
 *   for it waits first, `slowBaseMs` doubling with each further failure up to `slowMaxMs`.
 *
 * A success clears only its own pair: an address's count is not reset by a success (an attacker
 * would interleave sign-ins to an account of their own), and the username's slowdown stays
 * until its failures age out of the window.
 */

/** Five tries cover a forgotten caps lock and a couple of old passwords. */
export const DEFAULT_MAX_FAILURES = 5;
/** Failures older than this no longer count. */
export const DEFAULT_WINDOW_MS = 15 * 60 * 1000;
/** The first block: short enough for a person who mistyped. */
export const DEFAULT_BASE_DELAY_MS = 30 * 1000;
/** Blocks double up to one hour: about 24 guesses a day per username and address once it is reached. */
export const DEFAULT_MAX_DELAY_MS = 60 * 60 * 1000;
/** An office behind one NAT address makes a few typos a day; twenty failures in 15 minutes is someone guessing. */
export const DEFAULT_ADDRESS_MAX_FAILURES = 20;
/** The first block of an address: longer than a pair's, since it takes many more failures to earn. */
export const DEFAULT_ADDRESS_BASE_DELAY_MS = 60 * 1000;
/** Ten failures of one username from several addresses in 15 minutes is no longer its owner. */
export const DEFAULT_SLOW_AFTER_FAILURES = 10;
/** The first wait of a slowed username. */
export const DEFAULT_SLOW_BASE_MS = 500;
/** The longest wait: the owner still signs in, a few seconds late, while each guess ties up a connection as long. */
export const DEFAULT_SLOW_MAX_MS = 5_000;
/** Keys remembered at most; idle ones go first, so a flood of usernames cannot exhaust memory. */
export const DEFAULT_MAX_KEYS = 10_000;

export interface LoginThrottleOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly addressMaxFailures?: number;
  readonly addressBaseDelayMs?: number;
  readonly slowAfterFailures?: number;
  readonly slowBaseMs?: number;
  readonly slowMaxMs?: number;
  readonly maxKeys?: number;
  /** The clock; Date.now by default. */
  readonly now?: () => number;
}

/** One password attempt: which account, from which client address. */
export interface SignInAttempt {
  readonly username: string;
  readonly address: string;
}

/** What a refusal is about, so the answer can say it. */
export const ThrottleScope = {
  /** This username from this address. */
  account: 'account',
  /** This address, whatever the username. */
  address: 'address',
} as const;
export type ThrottleScope = (typeof ThrottleScope)[keyof typeof ThrottleScope];

export interface ThrottleRefusal {
  readonly scope: ThrottleScope;
  readonly retryAfterSeconds: number;
}

interface Entry {
  /** Times of the failures within the window, oldest first. */
  failures: number[];
  /** How many blocks this key earned since it was last idle: the exponent of the next delay. */
  strikes: number;
  blockedUntil: number;
}

interface BlockPolicy {
  readonly maxFailures: number;
  readonly baseDelayMs: number;
}

const pairKey = (attempt: SignInAttempt): string => `pair:${attempt.username}\n${attempt.address}`;
const addressKey = (attempt: SignInAttempt): string => `addr:${attempt.address}`;
const userKey = (attempt: SignInAttempt): string => `user:${attempt.username}`;

export class LoginThrottle {
  readonly #windowMs: number;
  readonly #maxDelayMs: number;
  readonly #pair: BlockPolicy;
  readonly #address: BlockPolicy;
  readonly #slowAfter: number;
  readonly #slowBaseMs: number;
  readonly #slowMaxMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: LoginThrottleOptions = {}) {
    this.#windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.#maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.#pair = {
      maxFailures: options.maxFailures ?? DEFAULT_MAX_FAILURES,
      baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    };
    this.#address = {
      maxFailures: options.addressMaxFailures ?? DEFAULT_ADDRESS_MAX_FAILURES,
      baseDelayMs: options.addressBaseDelayMs ?? DEFAULT_ADDRESS_BASE_DELAY_MS,
    };
    this.#slowAfter = options.slowAfterFailures ?? DEFAULT_SLOW_AFTER_FAILURES;
    this.#slowBaseMs = options.slowBaseMs ?? DEFAULT_SLOW_BASE_MS;
    this.#slowMaxMs = options.slowMaxMs ?? DEFAULT_SLOW_MAX_MS;
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.#now = options.now ?? Date.now;
  }

  /** Whether this attempt is refused before its password is checked, and for how long; null when it may go ahead. */
  refusal(attempt: SignInAttempt): ThrottleRefusal | null {
    const now = this.#now();
    const address = this.#entries.get(addressKey(attempt))?.blockedUntil ?? 0;
    const pair = this.#entries.get(pairKey(attempt))?.blockedUntil ?? 0;
    const until = Math.max(address, pair);
    if (until <= now) {
      return null;
    }
    const scope = address >= pair ? ThrottleScope.address : ThrottleScope.account;
    return { scope, retryAfterSeconds: Math.ceil((until - now) / 1000) };
  }

  /** How long this attempt waits before its password is checked: 0 until the username's failures from everywhere pile up. */
  delayMs(attempt: SignInAttempt): number {
    const entry = this.#entries.get(userKey(attempt));
    const now = this.#now();
    const recent = entry?.failures.filter((at) => now - at < this.#windowMs).length ?? 0;
    if (recent < this.#slowAfter) {
      return 0;
    }
    return Math.min(this.#slowMaxMs, this.#slowBaseMs * 2 ** (recent - this.#slowAfter));
  }

  /** The wait of the first slowed attempt: the server logs when a username starts being slowed. */
  get firstSlowDelayMs(): number {
    return Math.min(this.#slowBaseMs, this.#slowMaxMs);
  }

  /** Counts a failed attempt against its pair, its address and its username. */
  recordFailure(attempt: SignInAttempt): void {
    const now = this.#now();
    this.#fail(pairKey(attempt), now, this.#pair);
    this.#fail(addressKey(attempt), now, this.#address);
    this.#fail(userKey(attempt), now, null);
  }

  /** The right password: forgets the failures of this username from this address only. */
  recordSuccess(attempt: SignInAttempt): void {
    this.#entries.delete(pairKey(attempt));
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.#entries.size;
  }

  #fail(key: string, now: number, policy: BlockPolicy | null): void {
    const entry = this.#entryOf(key, now);
    entry.failures = entry.failures.filter((at) => now - at < this.#windowMs);
    entry.failures.push(now);
    // Once blocked, every failure blocks again until the key has been idle for a window.
    if (policy !== null && (entry.failures.length >= policy.maxFailures || entry.strikes > 0)) {
      const delay = Math.min(this.#maxDelayMs, policy.baseDelayMs * 2 ** entry.strikes);
      entry.strikes += 1;
      entry.blockedUntil = now + delay;
    }
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
