import { describe, expect, it } from 'vitest';
import { LoginThrottle, type SignInAttempt } from './LoginThrottle';

const MINUTE = 60_000;

function throttleWithClock(options: { maxKeys?: number } = {}) {
  const clock = { now: 0 };
  const throttle = new LoginThrottle({ now: () => clock.now, ...options });
  return { clock, throttle };
}

function fail(throttle: LoginThrottle, attempt: SignInAttempt, times: number): void {
  for (let i = 0; i < times; i += 1) {
    throttle.recordFailure(attempt);
  }
}

const li = (address: string): SignInAttempt => ({ username: 'li', address });
const attacker = li('203.0.113.7');

describe('LoginThrottle', () => {
  it('lets a username fail four times from one address and blocks that pair for 30 seconds after the fifth', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, attacker, 4);
    expect(throttle.refusal(attacker)).toBeNull();
    throttle.recordFailure(attacker);
    expect(throttle.refusal(attacker)).toEqual({ scope: 'account', retryAfterSeconds: 30 });
    clock.now += 10_000;
    expect(throttle.refusal(attacker)?.retryAfterSeconds).toBe(20);
    clock.now += 20_000;
    expect(throttle.refusal(attacker)).toBeNull();
  });

  it('doubles the block with each further failure, up to one hour', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, attacker, 5);
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      clock.now += (throttle.refusal(attacker)?.retryAfterSeconds ?? 0) * 1000;
      throttle.recordFailure(attacker);
      delays.push(throttle.refusal(attacker)?.retryAfterSeconds ?? 0);
    }
    expect(delays).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
  });

  it('never blocks the username from another address while one address hammers it', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 8; i += 1) {
      fail(throttle, li(`203.0.113.${i}`), 5);
    }
    expect(throttle.refusal(li('203.0.113.0'))).not.toBeNull();
    expect(throttle.refusal(li('198.51.100.2'))).toBeNull();
  });

  it('slows a username down after ten failures from everywhere, doubling up to five seconds', () => {
    const { throttle } = throttleWithClock();
    const waits: number[] = [];
    for (let i = 0; i < 16; i += 1) {
      waits.push(throttle.delayMs(li('198.51.100.2')));
      throttle.recordFailure(li(`203.0.113.${i}`));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('does not count failures older than 15 minutes', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, attacker, 4);
    clock.now += 15 * MINUTE;
    throttle.recordFailure(attacker);
    expect(throttle.refusal(attacker)).toBeNull();
    fail(throttle, li('203.0.113.8'), 9);
    clock.now += 15 * MINUTE;
    expect(throttle.delayMs(li('198.51.100.2'))).toBe(0);
  });

  it('forgets a pair after a success, but not the address', () => {
    const { throttle } = throttleWithClock();
    for (const username of ['a', 'b', 'c']) {
      fail(throttle, { username, address: '10.0.0.9' }, 5);
    }
    throttle.recordSuccess({ username: 'a', address: '10.0.0.9' });
    expect(throttle.refusal({ username: 'a', address: '10.0.0.9' })).toBeNull();
    fail(throttle, { username: 'd', address: '10.0.0.9' }, 4);
    fail(throttle, { username: 'e', address: '10.0.0.9' }, 1);
    expect(throttle.refusal({ username: 'a', address: '10.0.0.9' })).toEqual({
      scope: 'address',
      retryAfterSeconds: 60,
    });
  });

  it('blocks an address after twenty failures across usernames, for every username', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 19; i += 1) {
      throttle.recordFailure({ username: `user${i}`, address: '10.0.0.9' });
    }
    expect(throttle.refusal({ username: 'f', address: '10.0.0.9' })).toBeNull();
    throttle.recordFailure({ username: 'user19', address: '10.0.0.9' });
    expect(throttle.refusal({ username: 'f', address: '10.0.0.9' })).toEqual({
      scope: 'address',
      retryAfterSeconds: 60,
    });
    expect(throttle.refusal({ username: 'f', address: '10.0.0.8' })).toBeNull();
  });

  it('remembers a bounded number of keys, dropping idle ones first', () => {
    const { clock, throttle } = throttleWithClock({ maxKeys: 6 });
    fail(throttle, { username: 'blocked', address: '1' }, 5);
    clock.now += 20 * MINUTE;
    throttle.recordFailure({ username: 'a', address: '2' });
    expect(throttle.size).toBe(6);
    // The three idle keys of the old block go first.
    throttle.recordFailure({ username: 'b', address: '2' });
    expect(throttle.size).toBe(5);
    for (let i = 0; i < 20; i += 1) {
      throttle.recordFailure({ username: `u${i}`, address: `${i}` });
      expect(throttle.size).toBeLessThanOrEqual(6);
    }
  });
});
