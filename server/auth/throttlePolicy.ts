import type { StoredThrottleEntry, ThrottleEntry } from './LoginThrottleStore';

/**
 * The sign-in throttle's rules, as pure functions of an entry and the time, so that every store
 * (memory, Redis) applies the same ones. Three counters:
 *
 * - a username from one address: after `maxFailures` within `windowMs` that pair is blocked, for
 *   `baseDelayMs` at first and twice as long after each further failure, up to `maxDelayMs`;
 * - an address, whatever the usernames: blocked the same way after `addressMaxFailures`;
 * - a username from everywhere: never blocked, since the right password must still work from
 *   another address while someone hammers the name; after `slowAfterFailures` every attempt
 *   for it waits first, `slowBaseMs` doubling with each further failure up to `slowMaxMs`.
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

export interface ThrottlePolicyOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly addressMaxFailures?: number;
  readonly addressBaseDelayMs?: number;
  readonly slowAfterFailures?: number;
  readonly slowBaseMs?: number;
  readonly slowMaxMs?: number;
}

/** When a counter blocks: after how many failures, and for how long at first. */
export interface BlockRule {
  readonly maxFailures: number;
  readonly baseDelayMs: number;
}

export interface ThrottlePolicy {
  readonly windowMs: number;
  readonly maxDelayMs: number;
  readonly pair: BlockRule;
  readonly address: BlockRule;
  readonly slowAfterFailures: number;
  readonly slowBaseMs: number;
  readonly slowMaxMs: number;
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

/** The policy with the documented defaults for what `options` leaves out. */
export function resolveThrottlePolicy(options: ThrottlePolicyOptions = {}): ThrottlePolicy {
  return {
    windowMs: options.windowMs ?? DEFAULT_WINDOW_MS,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    pair: {
      maxFailures: options.maxFailures ?? DEFAULT_MAX_FAILURES,
      baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    },
    address: {
      maxFailures: options.addressMaxFailures ?? DEFAULT_ADDRESS_MAX_FAILURES,
      baseDelayMs: options.addressBaseDelayMs ?? DEFAULT_ADDRESS_BASE_DELAY_MS,
    },
    slowAfterFailures: options.slowAfterFailures ?? DEFAULT_SLOW_AFTER_FAILURES,
    slowBaseMs: options.slowBaseMs ?? DEFAULT_SLOW_BASE_MS,
    slowMaxMs: options.slowMaxMs ?? DEFAULT_SLOW_MAX_MS,
  };
}

/** Idle: not blocked, and no failure within the window after the block ended. Such an entry counts as none. */
export function isIdle(entry: ThrottleEntry, now: number, windowMs: number): boolean {
  return now >= entry.blockedUntil && now >= idleFrom(entry, windowMs);
}

function idleFrom(entry: ThrottleEntry, windowMs: number): number {
  return Math.max(entry.failures.at(-1) ?? 0, entry.blockedUntil) + windowMs;
}

/**
 * How many of the newest failures a counter keeps: enough to decide, so that a flood of failures
 * of one username cannot grow its entry without bound. Once a counter blocks, its count no longer
 * matters (every failure blocks again); a slowed username's wait stops growing at `slowMaxMs`.
 */
function keptFailures(rule: BlockRule | null, policy: ThrottlePolicy): number {
  if (rule !== null) {
    return Math.max(1, rule.maxFailures);
  }
  const doublings = policy.slowBaseMs > 0 ? Math.ceil(Math.log2(Math.max(1, policy.slowMaxMs / policy.slowBaseMs))) : 0;
  return Math.max(1, policy.slowAfterFailures + doublings);
}

/**
 * The entry after a failure at `now`, and how long it will matter. `rule` is the block rule of a
 * pair or an address; null for a username, which is never blocked.
 */
export function afterFailure(
  current: ThrottleEntry | null,
  now: number,
  rule: BlockRule | null,
  policy: ThrottlePolicy,
): StoredThrottleEntry {
  const fresh = current === null || isIdle(current, now, policy.windowMs);
  const previous = fresh ? { failures: [], strikes: 0, blockedUntil: 0 } : current;
  const failures = [...previous.failures.filter((at) => now - at < policy.windowMs), now].slice(
    -keptFailures(rule, policy),
  );
  let { strikes, blockedUntil } = previous;
  // Once blocked, every failure blocks again until the key has been idle for a window.
  if (rule !== null && (failures.length >= rule.maxFailures || strikes > 0)) {
    blockedUntil = now + Math.min(policy.maxDelayMs, rule.baseDelayMs * 2 ** strikes);
    strikes += 1;
  }
  const entry = { failures, strikes, blockedUntil };
  return { entry, ttlMs: idleFrom(entry, policy.windowMs) - now };
}

/** Whether the address or the pair is blocked at `now`, and for how long; null when neither is. */
export function refusalOf(
  address: ThrottleEntry | null,
  pair: ThrottleEntry | null,
  now: number,
): ThrottleRefusal | null {
  const addressUntil = address?.blockedUntil ?? 0;
  const pairUntil = pair?.blockedUntil ?? 0;
  const until = Math.max(addressUntil, pairUntil);
  if (until <= now) {
    return null;
  }
  const scope = addressUntil >= pairUntil ? ThrottleScope.address : ThrottleScope.account;
  return { scope, retryAfterSeconds: Math.ceil((until - now) / 1000) };
}

/** How long an attempt for this username waits: 0 until its failures from everywhere pile up. */
export function slowDelayMs(username: ThrottleEntry | null, now: number, policy: ThrottlePolicy): number {
  const slowAfter = policy.slowAfterFailures;
  const recent = username?.failures.filter((at) => now - at < policy.windowMs).length ?? 0;
  if (recent < slowAfter) {
    return 0;
  }
  return Math.min(policy.slowMaxMs, policy.slowBaseMs * 2 ** (recent - slowAfter));
}

/** The wait of the first slowed attempt: the server logs when a username starts being slowed. */
export function firstSlowDelayMs(policy: ThrottlePolicy): number {
  return Math.min(policy.slowBaseMs, policy.slowMaxMs);
}
