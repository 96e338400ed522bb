import { describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../logger';
import { LoginThrottle } from './LoginThrottle';
import type { LoginThrottleStore } from './LoginThrottleStore';
import { describeLoginThrottleContract } from './loginThrottleContract';
import { MemoryLoginThrottleStore } from './MemoryLoginThrottleStore';

describeLoginThrottleContract('MemoryLoginThrottleStore', async (now) => ({
  store: new MemoryLoginThrottleStore({ now }),
  close: async () => {},
}));

function recordingLogger() {
  const lines: { level: string; message: string; fields?: LogFields }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, ...(fields === undefined ? {} : { fields }) });
    };
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { lines, logger };
}

/** A store that fails every call while `isDown`, as Redis does while it is unreachable. */
function flakyStore(failure: () => Promise<never>) {
  const memory = new MemoryLoginThrottleStore();
  const state = { isDown: false };
  const store: LoginThrottleStore = {
    load: (keys) => (state.isDown ? failure() : memory.load(keys)),
    update: (key, change) => (state.isDown ? failure() : memory.update(key, change)),
    delete: (key) => (state.isDown ? failure() : memory.delete(key)),
  };
  return { store, state };
}

const attempt = { username: 'li', address: '203.0.113.7' };

describe('LoginThrottle when its store fails', () => {
  it('lets sign-ins go ahead unthrottled while the store fails, and logs the outage once', async () => {
    const { store, state } = flakyStore(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
    const { lines, logger } = recordingLogger();
    const throttle = new LoginThrottle({ store, logger });
    for (let i = 0; i < 5; i += 1) {
      await throttle.recordFailure(attempt);
    }
    expect(await throttle.refusal(attempt)).not.toBeNull();
    state.isDown = true;
    expect(await throttle.refusal(attempt)).toBeNull();
    expect(await throttle.delayMs(attempt)).toBe(0);
    await throttle.recordFailure(attempt);
    await throttle.recordSuccess(attempt);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: "the sign-in throttle's store fails; sign-ins go ahead unthrottled until it answers",
        fields: { operation: 'load', error: 'connect ECONNREFUSED 127.0.0.1:6379' },
      },
    ]);
    state.isDown = false;
    expect(await throttle.refusal(attempt)).not.toBeNull();
    expect(lines.map((line) => line.message)).toEqual([
      "the sign-in throttle's store fails; sign-ins go ahead unthrottled until it answers",
      "the sign-in throttle's store answers again; sign-ins are throttled again",
    ]);
  });

  it('does not wait longer than its store timeout for a store that does not answer', async () => {
    const { store, state } = flakyStore(() => new Promise<never>(() => {}));
    const { lines, logger } = recordingLogger();
    const throttle = new LoginThrottle({ store, logger, storeTimeoutMs: 20 });
    state.isDown = true;
    expect(await throttle.refusal(attempt)).toBeNull();
    await throttle.recordFailure(attempt);
    expect(lines.map((line) => line.fields?.error)).toEqual([
      "the sign-in throttle's store did not answer within 20 ms",
    ]);
  });
});
