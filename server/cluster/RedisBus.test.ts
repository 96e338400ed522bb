import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { describe } from 'vitest';
import type { ClusterBus } from './ClusterBus';
import { describeClusterBusContract } from './clusterBusContract';
import { RedisBus } from './RedisBus';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? null;

describe.skipIf(TEST_REDIS_URL === null)('Redis', () => {
  describeClusterBusContract('RedisBus', async () => {
    const url = TEST_REDIS_URL ?? '';
    // Each test its own channels.
    const prefix = `jianyan-test:${randomBytes(6).toString('hex')}:`;
    const admin = new Redis(url);
    return {
      connect: () => RedisBus.open({ url, prefix }),
      interrupt: async (bus: ClusterBus, whileCut) => {
        // Drop the subscriber's connection on the server's side, as a network fault would.
        const list = (await admin.client('LIST')) as string;
        const line = list.split('\n').find((entry) => entry.includes(`name=jianyan-sub-${bus.processId}`));
        const id = line?.match(/\bid=(\d+)/)?.[1];
        if (id === undefined) {
          throw new Error('the bus has no subscriber connection to cut');
        }
        await admin.client('KILL', 'ID', id);
        await whileCut();
      },
      dispose: async () => {
        admin.disconnect();
      },
    };
  });
});
