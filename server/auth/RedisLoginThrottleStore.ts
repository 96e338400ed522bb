import type { Redis } from 'ioredis';
import type { LoginThrottleStore, StoredThrottleEntry, ThrottleEntry } from './LoginThrottleStore';

/** Keys of this store start with this unless told otherwise, apart from other uses of the same Redis. */
export const DEFAULT_THROTTLE_KEY_PREFIX = 'jianyan:login-throttle:';

/**
 * Compare-and-set tries of one update before it fails. Within a process the updates of a key run
 * one after another, so only other processes can come between a read and its write. A process
 * that lost waits a random while before it reads again (`backoffMs`): without it, two processes
 * each with a queue of updates (an attacker's parallel guesses sent to both) fall into step, and
 * one of them loses every try while the other's queue lasts.
 */
const MAX_UPDATE_ATTEMPTS = 12;

/**
 * How long to wait before try `attempt` (1, 2, …): random, up to twice as long each time and at
 * most 50 ms, so that even a long run of lost tries stays within the throttle's store timeout.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(50, 2 ** attempt));
}

/**
 * Writes ARGV[2] to KEYS[1] with a time to live of ARGV[3] ms only if the key still holds ARGV[1]
 * (the empty string: no key), and answers 1; answers 0 when another process wrote first. Redis runs
 * a script without interleaving other commands, so the check and the write are one step.
 */
const COMPARE_AND_SET_LUA = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`;

export interface RedisLoginThrottleStoreOptions {
  /**
   * A connection the caller owns and closes (it may be shared). Give it a short `commandTimeout`:
   * the throttle also gives up on a slow store by itself, but the connection's queue should not
   * grow while Redis is away.
   */
  readonly redis: Redis;
  /** Put before every key; DEFAULT_THROTTLE_KEY_PREFIX by default. */
  readonly prefix?: string;
}

/**
 * The throttle's counters in Redis, shared by every process of a deployment, so that two
 * processes do not give an attacker twice the guesses and a block holds on all of them. Each entry
 * is a JSON string under `<prefix><key>` that expires when the policy says it no longer matters
 * (PX), instead of the memory store's bound on keys. An update reads the entry, applies the policy
 * here and writes it back with a compare-and-set script, trying again if another process wrote in
 * between: the policy stays in one place (`throttlePolicy.ts`) and WATCH, which belongs to a whole
 * connection, is not needed on a shared one.
 */
export class RedisLoginThrottleStore implements LoginThrottleStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  /** The running update of each key in this process: the next one starts after it. */
  readonly #updating = new Map<string, Promise<void>>();

  constructor(options: RedisLoginThrottleStoreOptions) {
    this.#redis = options.redis;
    this.#prefix = options.prefix ?? DEFAULT_THROTTLE_KEY_PREFIX;
  }

  /** The entries of these keys, in order; null for a key absent, expired or holding something unreadable. */
  async load(keys: readonly string[]): Promise<(ThrottleEntry | null)[]> {
    if (keys.length === 0) {
      return [];
    }
    const values = await this.#redis.mget(...keys.map((key) => this.#prefix + key));
    return values.map((value) => (value === null ? null : parseThrottleEntry(value)));
  }

  /** Replaces the entry of `key` with what `change` makes of it, after this process's earlier updates of it. */
  update(key: string, change: (current: ThrottleEntry | null) => StoredThrottleEntry): Promise<void> {
    const apply = (): Promise<void> => this.#compareAndSet(key, change);
    const run = (this.#updating.get(key) ?? Promise.resolve()).then(apply, apply);
    this.#updating.set(key, run);
    const forget = (): void => {
      if (this.#updating.get(key) === run) {
        this.#updating.delete(key);
      }
    };
    void run.then(forget, forget);
    return run;
  }

  /** Forgets the entry of `key`. */
  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  async #compareAndSet(key: string, change: (current: ThrottleEntry | null) => StoredThrottleEntry): Promise<void> {
    const redisKey = this.#prefix + key;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
      if (attempt > 0) {
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
      const read = await this.#redis.get(redisKey);
      const stored = change(read === null ? null : parseThrottleEntry(read));
      const ttlMs = Math.max(1, Math.ceil(stored.ttlMs));
      const written = await this.#redis.eval(
        COMPARE_AND_SET_LUA,
        1,
        redisKey,
        read ?? '',
        JSON.stringify(stored.entry),
        ttlMs,
      );
      if (written === 1) {
        return;
      }
    }
    throw new Error(
      `Cannot update sign-in throttle key ${redisKey}: other processes wrote it ${MAX_UPDATE_ATTEMPTS} times in a row`,
    );
  }
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * An entry read back from Redis, which is untrusted like any input; null when it is not one (it
 * then counts as none, and the next update replaces it).
 */
export function parseThrottleEntry(value: string): ThrottleEntry | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return null;
  }
  const { failures, strikes, blockedUntil } = parsed as Record<string, unknown>;
  if (!Array.isArray(failures) || !failures.every(isTime)) {
    return null;
  }
  if (typeof strikes !== 'number' || !Number.isSafeInteger(strikes) || strikes < 0 || !isTime(blockedUntil)) {
    return null;
  }
  return { failures, strikes, blockedUntil };
}
