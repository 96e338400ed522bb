import type { LoginThrottleStore } from './LoginThrottleStore';
import { MemoryLoginThrottleStore } from './MemoryLoginThrottleStore';
import {
  afterFailure,
  firstSlowDelayMs,
  refusalOf,
  resolveThrottlePolicy,
  slowDelayMs,
  type ThrottlePolicy,
  type ThrottlePolicyOptions,
  type ThrottleRefusal,
} from './throttlePolicy';

/**
 * Slows down password guessing without letting a guesser lock the owner out, with the rules of
 * `throttlePolicy.ts`: a username from one address and an address are blocked after repeated
 * failures, a username from everywhere is only slowed down. The counters live in a
 * `LoginThrottleStore`: this process's memory by default, Redis when several processes share the
 * sign-ins.
 *
 * A success clears only its own pair: an address's count is not reset by a success (an attacker
 * would interleave sign-ins to an account of their own), and the username's slowdown stays
 * until its failures age out of the window.
 */

export interface LoginThrottleOptions extends ThrottlePolicyOptions {
  /** Where the counters live; a MemoryLoginThrottleStore on the same clock by default. */
  readonly store?: LoginThrottleStore;
  /** The clock; Date.now by default. */
  readonly now?: () => number;
}

/** One password attempt: which account, from which client address. */
export interface SignInAttempt {
  readonly username: string;
  readonly address: string;
}

const pairKey = (attempt: SignInAttempt): string => `pair:${attempt.username}\n${attempt.address}`;
const addressKey = (attempt: SignInAttempt): string => `addr:${attempt.address}`;
const userKey = (attempt: SignInAttempt): string => `user:${attempt.username}`;

export class LoginThrottle {
  readonly #policy: ThrottlePolicy;
  readonly #store: LoginThrottleStore;
  readonly #now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.#policy = resolveThrottlePolicy(options);
    this.#now = options.now ?? Date.now;
    this.#store = options.store ?? new MemoryLoginThrottleStore({ now: this.#now });
  }

  /** Whether this attempt is refused before its password is checked, and for how long; null when it may go ahead. */
  async refusal(attempt: SignInAttempt): Promise<ThrottleRefusal | null> {
    const [address, pair] = await this.#store.load([addressKey(attempt), pairKey(attempt)]);
    return refusalOf(address ?? null, pair ?? null, this.#now());
  }

  /** How long this attempt waits before its password is checked: 0 until the username's failures from everywhere pile up. */
  async delayMs(attempt: SignInAttempt): Promise<number> {
    const [username] = await this.#store.load([userKey(attempt)]);
    return slowDelayMs(username ?? null, this.#now(), this.#policy);
  }

  /** The wait of the first slowed attempt: the server logs when a username starts being slowed. */
  get firstSlowDelayMs(): number {
    return firstSlowDelayMs(this.#policy);
  }

  /** Counts a failed attempt against its pair, its address and its username. */
  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const now = this.#now();
    const policy = this.#policy;
    await Promise.all([
      this.#store.update(pairKey(attempt), (entry) => afterFailure(entry, now, policy.pair, policy)),
      this.#store.update(addressKey(attempt), (entry) => afterFailure(entry, now, policy.address, policy)),
      this.#store.update(userKey(attempt), (entry) => afterFailure(entry, now, null, policy)),
    ]);
  }

  /** The right password: forgets the failures of this username from this address only. */
  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await this.#store.delete(pairKey(attempt));
  }
}
