import Redis from 'ioredis';
import type { LoginThrottleStore } from '../auth/LoginThrottleStore';
import { RedisLoginThrottleStore } from '../auth/RedisLoginThrottleStore';
import type { Logger } from '../logger';
import { redactedUrl } from '../redactedUrl';
import { ClusterEvents } from './ClusterEvents';
import { LocalBus } from './LocalBus';
import { RedisBus } from './RedisBus';

/** How long a sign-in waits for the throttle's Redis before going on without it (fail open). */
const THROTTLE_COMMAND_TIMEOUT_MS = 500;

/** What a process shares with the others of its deployment; nothing when it runs alone. */
export interface Cluster {
  readonly events: ClusterEvents;
  /** Where sign-in failures are counted for every process; null: this process's memory. */
  readonly loginThrottleStore: LoginThrottleStore | null;
  /** `one process`, or which Redis: for the start-up log. */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Connects to Redis (REDIS_URL) for the bus and the sign-in throttle, or sets up a lone process.
 * Rejects when Redis does not answer at start-up; once running, a lost connection is logged and
 * retried, and the rooms catch up from the database when it is back.
 */
export async function openCluster(
  settings: { readonly redisUrl?: string | null; readonly redisPrefix?: string },
  logger: Logger,
): Promise<Cluster> {
  const url = settings.redisUrl ?? null;
  if (url === null) {
    return {
      events: new ClusterEvents(new LocalBus(), logger),
      loginThrottleStore: null,
      description: 'one process',
      close: () => Promise.resolve(),
    };
  }
  const prefix = settings.redisPrefix ?? 'jianyan:';
  const bus = await RedisBus.open({
    url,
    prefix: `${prefix}bus:`,
    onConnectionChange: (state, detail) => {
      if (state === 'lost') {
        logger.error('lost the connection to Redis; other processes are not told of changes here until it is back', {
          detail,
        });
      } else {
        logger.warn('Redis is back; catching up rooms from the database', { detail });
      }
    },
  });
  const redis = new Redis(url, { commandTimeout: THROTTLE_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  return {
    events: new ClusterEvents(bus, logger),
    loginThrottleStore: new RedisLoginThrottleStore({ redis, prefix: `${prefix}login-throttle:` }),
    description: `Redis at ${redactedUrl(url)}`,
    close: async () => {
      await bus.close();
      redis.disconnect();
    },
  };
}
