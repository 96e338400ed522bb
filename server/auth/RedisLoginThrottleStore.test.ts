import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { LoginThrottle } from './LoginThrottle';
import type { ThrottleEntry } from './LoginThrottleStore';
import { describeLoginThrottleContract } from './loginThrottleContract';
import { backoffMs, RedisLoginThrottleStore } from './RedisLoginThrottleStore';
import { DEFAULT_WINDOW_MS } from './throttlePolicy';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** A connection and a key prefix of the test's own; closing deletes the keys under the prefix. */
function openTestRedis(url: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 10_000 });
  const prefix = `jianyan-test:${randomUUID()}:`;
  const keys = async (): Promise<string[]> => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 100);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };
  const close = async (): Promise<void> => {
    const left = await keys();
    if (left.length > 0) {
      await redis.del(...left);
    }
    redis.disconnect();
  };
  return { redis, prefix, keys, close };
}

describe.skipIf(TEST_REDIS_URL === undefined)('Redis', () => {
  const url = TEST_REDIS_URL ?? '';

  describeLoginThrottleContract('RedisLoginThrottleStore', async () => {
    const { redis, prefix, close } = openTestRedis(url);
    return { store: new RedisLoginThrottleStore({ redis, prefix }), close };
  });

  describe('RedisLoginThrottleStore', () => {
    const opened: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((redis) => redis.close()));
    });

    /** Two server processes: two connections to one Redis, under one prefix, on one clock; `direct` reads Redis itself. */
    function twoProcesses() {
      const first = openTestRedis(url);
      const second = openTestRedis(url);
      opened.push(first, second);
      const clock = { now: 0 };
      const throttleOn = (redis: Redis) =>
        new LoginThrottle({
          store: new RedisLoginThrottleStore({ redis, prefix: first.prefix }),
          now: () => clock.now,
          // The throttle fails open after its store timeout: a loaded test machine must not turn a slow answer into a lost count.
          storeTimeoutMs: 10_000,
          logger: createLogger('silent'),
        });
      return { clock, a: throttleOn(first.redis), b: throttleOn(second.redis), direct: first };
    }

    it('shares failures and blocks between processes', async () => {
      const { a, b } = twoProcesses();
      const attempt = { username: 'li', address: '203.0.113.7' };
      await a.recordFailure(attempt);
      await b.recordFailure(attempt);
      await a.recordFailure(attempt);
      await b.recordFailure(attempt);
      expect(await a.refusal(attempt)).toBeNull();
      await a.recordFailure(attempt);
      expect(await b.refusal(attempt)).toEqual({ scope: 'account', retryAfterSeconds: 30 });
      await b.recordSuccess(attempt);
      expect(await a.refusal(attempt)).toBeNull();
    });

    it('counts every failure when processes record them at the same time', async () => {
      const { a, b } = twoProcesses();
      const address = '10.0.0.7';
      await Promise.all(
        Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? a : b).recordFailure({ username: `u${i % 3}`, address })),
      );
      expect(await a.refusal({ username: 'f', address })).toBeNull();
      expect(await b.delayMs({ username: 'u0', address: '198.51.100.2' })).toBe(0);
      await b.recordFailure({ username: 'u0', address });
      expect((await a.refusal({ username: 'f', address }))?.scope).toBe('address');
      // u0 failed 8 times: 7 at once, then one more.
      expect(await a.delayMs({ username: 'u0', address: '198.51.100.2' })).toBe(0);
      await a.recordFailure({ username: 'u0', address: '10.0.0.8' });
      await a.recordFailure({ username: 'u0', address: '10.0.0.8' });
      expect(await b.delayMs({ username: 'u0', address: '198.51.100.2' })).toBe(500);
    });

    it('lets each key expire when its window has passed, as the policy computes it', async () => {
      const { a, direct } = twoProcesses();
      await a.recordFailure({ username: 'li', address: '203.0.113.7' });
      const keys = await direct.keys();
      expect(keys).toHaveLength(3);
      for (const key of keys) {
        const ttl = await direct.redis.pttl(key);
        expect(ttl).toBeGreaterThan(DEFAULT_WINDOW_MS - 60_000);
        expect(ttl).toBeLessThanOrEqual(DEFAULT_WINDOW_MS);
      }
    });

    it('keeps its keys under its prefix and counts an unreadable entry as none', async () => {
      const { a, direct } = twoProcesses();
      const attempt = { username: 'li', address: '203.0.113.7' };
      await direct.redis.set(`${direct.prefix}addr:203.0.113.7`, '{"failures":"many"}');
      expect(await a.refusal(attempt)).toBeNull();
      await a.recordFailure(attempt);
      expect((await direct.keys()).every((key) => key.startsWith(direct.prefix))).toBe(true);
      expect(JSON.parse((await direct.redis.get(`${direct.prefix}addr:203.0.113.7`)) ?? 'null')).toEqual({
        failures: [0],
        strikes: 0,
        blockedUntil: 0,
      });
    });

    it('counts every update of one key when two processes each have a queue of them', async () => {
      // Without a random wait after a lost write, the two queues fall into step and one process
      // loses every try while the other's queue lasts (about a third of these rounds did).
      const first = openTestRedis(url);
      const second = openTestRedis(url);
      opened.push(first, second);
      const stores = [first, second].map(({ redis }) => new RedisLoginThrottleStore({ redis, prefix: first.prefix }));
      const addOne = (current: ThrottleEntry | null) => ({
        entry: { failures: [...(current?.failures ?? []), 0], strikes: 0, blockedUntil: 0 },
        ttlMs: 60_000,
      });
      for (let round = 0; round < 20; round += 1) {
        const key = `addr:round-${round}`;
        const updates = Array.from({ length: 19 }, (_, i) => stores[i % 2]?.update(key, addOne));
        await Promise.all(updates);
        const [entry] = (await stores[0]?.load([key])) ?? [];
        expect(entry?.failures).toHaveLength(19);
      }
    });

    it('waits a random while before each new try, up to twice as long each time and at most 50 ms', () => {
      expect([1, 2, 3, 5, 6, 10].map((attempt) => backoffMs(attempt, () => 0.999))).toEqual([1, 3, 7, 31, 49, 49]);
      expect(backoffMs(5, () => 0)).toBe(0);
    });

    it('lets sign-ins go ahead when Redis cannot be reached', async () => {
      // Nothing listens on port 1; the client gives up at once instead of queueing.
      const redis = new Redis('redis://127.0.0.1:1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      // ioredis reports a refused connection as an 'error' event too; unheard, it would be logged as unhandled.
      redis.on('error', () => {});
      opened.push({ close: async () => redis.disconnect() });
      const throttle = new LoginThrottle({
        store: new RedisLoginThrottleStore({ redis }),
        logger: createLogger('silent'),
      });
      const attempt = { username: 'li', address: '203.0.113.7' };
      await throttle.recordFailure(attempt);
      expect(await throttle.refusal(attempt)).toBeNull();
      expect(await throttle.delayMs(attempt)).toBe(0);
    });
  });
});
