import { type Logger, toError } from '../logger';
import type { LoginThrottleStore, ThrottleEntry } from './LoginThrottleStore';
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
 *
 * When the store fails or does not answer within `storeTimeoutMs`, the throttle fails open: the
 * attempt goes ahead unthrottled and uncounted, and the first such failure of an outage is
 * logged. Members keep signing in while Redis is away; failing closed would lock everyone out.
 */

/** A store round trip takes about a millisecond; half a second means it is away, and a sign-in makes at most four. */
export const DEFAULT_STORE_TIMEOUT_MS = 500;

export interface LoginThrottleOptions extends ThrottlePolicyOptions {
  /** Where the counters live; a MemoryLoginThrottleStore on the same clock by default. */
  readonly store?: LoginThrottleStore;
  /** How long to wait for the store before going ahead without it. */
  readonly storeTimeoutMs?: number;
  /** Where a failing store is reported. */
  readonly logger: Logger;
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
  readonly #storeTimeoutMs: number;
  readonly #logger: Logger;
  readonly #now: () => number;
  /** Whether the last store call failed: an outage is logged once when it starts and once when it ends. */
  #isStoreFailing = false;

  constructor(options: LoginThrottleOptions) {
    this.#policy = resolveThrottlePolicy(options);
    this.#now = options.now ?? Date.now;
    this.#store = options.store ?? new MemoryLoginThrottleStore({ now: this.#now });
    this.#storeTimeoutMs = options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    this.#logger = options.logger;
  }

  /** Whether this attempt is refused before its password is checked, and for how long; null when it may go ahead. */
  async refusal(attempt: SignInAttempt): Promise<ThrottleRefusal | null> {
    const entries = await this.#load([addressKey(attempt), pairKey(attempt)]);
    return entries === null ? null : refusalOf(entries[0] ?? null, entries[1] ?? null, this.#now());
  }

  /** How long this attempt waits before its password is checked: 0 until the username's failures from everywhere pile up. */
  async delayMs(attempt: SignInAttempt): Promise<number> {
    const entries = await this.#load([userKey(attempt)]);
    return entries === null ? 0 : slowDelayMs(entries[0] ?? null, this.#now(), this.#policy);
  }

  /** The wait of the first slowed attempt: the server logs when a username starts being slowed. */
  get firstSlowDelayMs(): number {
    return firstSlowDelayMs(this.#policy);
  }

  /** Counts a failed attempt against its pair, its address and its username. */
  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const now = this.#now();
    const policy = this.#policy;
    await this.#call('recordFailure', () =>
      Promise.all([
        this.#store.update(pairKey(attempt), (entry) => afterFailure(entry, now, policy.pair, policy)),
        this.#store.update(addressKey(attempt), (entry) => afterFailure(entry, now, policy.address, policy)),
        this.#store.update(userKey(attempt), (entry) => afterFailure(entry, now, null, policy)),
      ]),
    );
  }

  /** The right password: forgets the failures of this username from this address only. */
  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await this.#call('recordSuccess', () => this.#store.delete(pairKey(attempt)));
  }

  #load(keys: readonly string[]): Promise<(ThrottleEntry | null)[] | null> {
    return this.#call('load', () => this.#store.load(keys));
  }

  /** Runs a store call within the timeout; on failure logs the outage (once) and answers null. */
  async #call<T>(operation: string, work: () => Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the sign-in throttle's store did not answer within ${this.#storeTimeoutMs} ms`)),
        this.#storeTimeoutMs,
      );
    });
    try {
      const result = await Promise.race([work(), timeout]);
      if (this.#isStoreFailing) {
        this.#isStoreFailing = false;
        this.#logger.warn("the sign-in throttle's store answers again; sign-ins are throttled again");
      }
      return result;
    } catch (thrown) {
      if (!this.#isStoreFailing) {
        this.#isStoreFailing = true;
        this.#logger.warn("the sign-in throttle's store fails; sign-ins go ahead unthrottled until it answers", {
          operation,
          error: toError(thrown).message,
        });
      }
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
