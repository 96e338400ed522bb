import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './LoginThrottle';

const MINUTE = 60_000;

function throttleWithClock(options: { maxKeys?: number } = {}) {
  const clock = { now: 0 };
  const throttle = new LoginThrottle({ now: () => clock.now, ...options });
  return { clock, throttle };
}

function fail(throttle: LoginThrottle, keys: string[], times: number): void {
  for (let i = 0; i < times; i += 1) {
    throttle.recordFailure(keys);
  }
}

describe('LoginThrottle', () => {
  it('lets four failures pass and blocks for 30 seconds after the fifth', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, ['user:li'], 4);
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(0);
    throttle.recordFailure(['user:li']);
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(30);
    clock.now += 10_000;
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(20);
    clock.now += 20_000;
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(0);
  });

  it('doubles the block with each further failure, up to one hour', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, ['user:li'], 5);
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      clock.now += throttle.retryAfterSeconds(['user:li']) * 1000;
      throttle.recordFailure(['user:li']);
      delays.push(throttle.retryAfterSeconds(['user:li']));
    }
    expect(delays).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
  });

  it('does not count failures older than 15 minutes towards the first block', () => {
    const { clock, throttle } = throttleWithClock();
    fail(throttle, ['user:li'], 4);
    clock.now += 15 * MINUTE;
    throttle.recordFailure(['user:li']);
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(0);
  });

  it('forgets a key after a success', () => {
    const { throttle } = throttleWithClock();
    fail(throttle, ['user:li', 'addr:1.2.3.4'], 5);
    throttle.reset(['user:li', 'addr:1.2.3.4']);
    expect(throttle.retryAfterSeconds(['user:li', 'addr:1.2.3.4'])).toBe(0);
    throttle.recordFailure(['user:li']);
    expect(throttle.retryAfterSeconds(['user:li'])).toBe(0);
  });

  it('blocks by address across usernames, and answers the longest block of the keys', () => {
    const { throttle } = throttleWithClock();
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      throttle.recordFailure([`user:${name}`, 'addr:10.0.0.9']);
    }
    expect(throttle.retryAfterSeconds(['user:f', 'addr:10.0.0.9'])).toBe(30);
    expect(throttle.retryAfterSeconds(['user:f', 'addr:10.0.0.8'])).toBe(0);
  });

  it('remembers a bounded number of keys, dropping idle ones first', () => {
    const { clock, throttle } = throttleWithClock({ maxKeys: 3 });
    fail(throttle, ['user:blocked'], 5);
    clock.now += 20 * MINUTE;
    throttle.recordFailure(['user:a']);
    throttle.recordFailure(['user:b']);
    throttle.recordFailure(['user:c']);
    expect(throttle.size).toBe(3);
    fail(throttle, ['user:d'], 1);
    expect(throttle.size).toBe(3);
  });
});
