import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { LoginThrottle, type SignInAttempt } from './LoginThrottle';
import type { LoginThrottleStore } from './LoginThrottleStore';

const MINUTE = 60_000;

/** A store under test, on the test's clock, and how to remove what it wrote. */
export interface OpenedThrottleStore {
  readonly store: LoginThrottleStore;
  close(): Promise<void>;
}

const li = (address: string): SignInAttempt => ({ username: 'li', address });
const attacker = li('203.0.113.7');

async function fail(throttle: LoginThrottle, attempt: SignInAttempt, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await throttle.recordFailure(attempt);
  }
}

/**
 * The throttle's policy, run on one store: every store must give the same answers. The clock is
 * the test's, so blocks and windows pass without waiting.
 */
export function describeLoginThrottleContract(
  name: string,
  open: (now: () => number) => Promise<OpenedThrottleStore>,
): void {
  describe(`LoginThrottle on ${name}`, () => {
    const opened: OpenedThrottleStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    async function throttleWithClock() {
      const clock = { now: 0 };
      const now = () => clock.now;
      const store = await open(now);
      opened.push(store);
      const throttle = new LoginThrottle({ store: store.store, now, logger: createLogger('silent') });
      return { clock, throttle };
    }

    it('lets a username fail four times from one address and blocks that pair for 30 seconds after the fifth', async () => {
      const { clock, throttle } = await throttleWithClock();
      await fail(throttle, attacker, 4);
      expect(await throttle.refusal(attacker)).toBeNull();
      await throttle.recordFailure(attacker);
      expect(await throttle.refusal(attacker)).toEqual({ scope: 'account', retryAfterSeconds: 30 });
      clock.now += 10_000;
      expect((await throttle.refusal(attacker))?.retryAfterSeconds).toBe(20);
      clock.now += 20_000;
      expect(await throttle.refusal(attacker)).toBeNull();
    });

    it('doubles the block with each further failure, up to one hour', async () => {
      const { clock, throttle } = await throttleWithClock();
      await fail(throttle, attacker, 5);
      const delays: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        clock.now += ((await throttle.refusal(attacker))?.retryAfterSeconds ?? 0) * 1000;
        await throttle.recordFailure(attacker);
        delays.push((await throttle.refusal(attacker))?.retryAfterSeconds ?? 0);
      }
      expect(delays).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
    });

    it('starts again from the first block once the pair has been quiet for 15 minutes after its block', async () => {
      const { clock, throttle } = await throttleWithClock();
      await fail(throttle, attacker, 6);
      expect((await throttle.refusal(attacker))?.retryAfterSeconds).toBe(60);
      clock.now += MINUTE + 15 * MINUTE;
      await fail(throttle, attacker, 4);
      expect(await throttle.refusal(attacker)).toBeNull();
      await throttle.recordFailure(attacker);
      expect((await throttle.refusal(attacker))?.retryAfterSeconds).toBe(30);
    });

    it('never blocks the username from another address while one address hammers it', async () => {
      const { throttle } = await throttleWithClock();
      for (let i = 0; i < 8; i += 1) {
        await fail(throttle, li(`203.0.113.${i}`), 5);
      }
      expect(await throttle.refusal(li('203.0.113.0'))).not.toBeNull();
      expect(await throttle.refusal(li('198.51.100.2'))).toBeNull();
    });

    it('slows a username down after ten failures from everywhere, doubling up to five seconds', async () => {
      const { throttle } = await throttleWithClock();
      const waits: number[] = [];
      for (let i = 0; i < 16; i += 1) {
        waits.push(await throttle.delayMs(li('198.51.100.2')));
        await throttle.recordFailure(li(`203.0.113.${i}`));
      }
      expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500, 1000, 2000, 4000, 5000, 5000]);
      expect(throttle.firstSlowDelayMs).toBe(500);
    });

    it('does not count failures older than 15 minutes', async () => {
      const { clock, throttle } = await throttleWithClock();
      await fail(throttle, attacker, 4);
      clock.now += 15 * MINUTE;
      await throttle.recordFailure(attacker);
      expect(await throttle.refusal(attacker)).toBeNull();
      await fail(throttle, li('203.0.113.8'), 9);
      clock.now += 15 * MINUTE;
      expect(await throttle.delayMs(li('198.51.100.2'))).toBe(0);
    });

    it('lets a slowed username speed up again as its failures age out of the window', async () => {
      const { clock, throttle } = await throttleWithClock();
      await fail(throttle, li('203.0.113.1'), 8);
      clock.now += 10 * MINUTE;
      await fail(throttle, li('203.0.113.2'), 30);
      expect(await throttle.delayMs(li('198.51.100.2'))).toBe(5000);
      clock.now += 5 * MINUTE;
      expect(await throttle.delayMs(li('198.51.100.2'))).toBe(5000);
      clock.now += 10 * MINUTE;
      expect(await throttle.delayMs(li('198.51.100.2'))).toBe(0);
    });

    it('forgets a pair after a success, but not the address', async () => {
      const { throttle } = await throttleWithClock();
      for (const username of ['a', 'b', 'c']) {
        await fail(throttle, { username, address: '10.0.0.9' }, 5);
      }
      await throttle.recordSuccess({ username: 'a', address: '10.0.0.9' });
      expect(await throttle.refusal({ username: 'a', address: '10.0.0.9' })).toBeNull();
      await fail(throttle, { username: 'd', address: '10.0.0.9' }, 4);
      await fail(throttle, { username: 'e', address: '10.0.0.9' }, 1);
      expect(await throttle.refusal({ username: 'a', address: '10.0.0.9' })).toEqual({
        scope: 'address',
        retryAfterSeconds: 60,
      });
    });

    it('blocks an address after twenty failures across usernames, for every username', async () => {
      const { throttle } = await throttleWithClock();
      for (let i = 0; i < 19; i += 1) {
        await throttle.recordFailure({ username: `user${i}`, address: '10.0.0.9' });
      }
      expect(await throttle.refusal({ username: 'f', address: '10.0.0.9' })).toBeNull();
      await throttle.recordFailure({ username: 'user19', address: '10.0.0.9' });
      expect(await throttle.refusal({ username: 'f', address: '10.0.0.9' })).toEqual({
        scope: 'address',
        retryAfterSeconds: 60,
      });
      expect(await throttle.refusal({ username: 'f', address: '10.0.0.8' })).toBeNull();
    });

    it('counts every one of many failures recorded at once', async () => {
      const { throttle } = await throttleWithClock();
      const address = '10.0.0.7';
      await Promise.all(Array.from({ length: 19 }, (_, i) => throttle.recordFailure({ username: `u${i}`, address })));
      expect(await throttle.refusal({ username: 'f', address })).toBeNull();
      await throttle.recordFailure({ username: 'u19', address });
      expect((await throttle.refusal({ username: 'f', address }))?.scope).toBe('address');
    });
  });
}
