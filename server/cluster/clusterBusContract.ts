import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterBus } from './ClusterBus';

/** The processes of one deployment, as an adapter's test opens them. */
export interface BusHarness {
  /** One more process's bus. */
  connect(): Promise<ClusterBus>;
  /** Cuts `bus` off, runs `whileCut`, and lets it reconnect. */
  interrupt(bus: ClusterBus, whileCut: () => Promise<void>): Promise<void>;
  /** Closes what the harness opened besides the buses (the suite closes those). */
  dispose(): Promise<void>;
}

/** Resolves with the first value `subscribe` hands to its listener, or rejects after `ms`. */
function nextOf<T>(subscribe: (listener: (value: T) => void) => void, ms = 3_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing arrived within ${ms} ms`)), ms);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every ClusterBus adapter must do; each adapter's test runs it. */
export function describeClusterBusContract(name: string, open: () => Promise<BusHarness>): void {
  describe(`${name} (ClusterBus contract)`, () => {
    let harness: BusHarness;
    const buses: ClusterBus[] = [];
    const connect = async (): Promise<ClusterBus> => {
      const bus = await harness.connect();
      buses.push(bus);
      return bus;
    };

    beforeEach(async () => {
      harness = await open();
    });

    afterEach(async () => {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
      await harness.dispose();
    });

    it('delivers a room message to the other processes in the room, never to its sender or outsiders', async () => {
      const [a, b, c] = [await connect(), await connect(), await connect()];
      const atA: Uint8Array[] = [];
      const atC: Uint8Array[] = [];
      await a.joinRoom('doc:1', (message) => atA.push(message));
      await c.joinRoom('doc:2', (message) => atC.push(message));
      const arrived = nextOf<[Uint8Array, string]>((listener) => {
        void b.joinRoom('doc:1', (message, from) => listener([message, from]));
      });
      await settle();
      a.publishRoom('doc:1', new Uint8Array([1, 2, 3]));
      const [message, from] = await arrived;
      expect([...message]).toEqual([1, 2, 3]);
      expect(from).toBe(a.processId);
      await settle();
      expect(atA).toEqual([]);
      expect(atC).toEqual([]);
    });

    it('stops delivering a room once left', async () => {
      const [a, b] = [await connect(), await connect()];
      const atB: Uint8Array[] = [];
      await b.joinRoom('doc:1', (message) => atB.push(message));
      b.leaveRoom('doc:1');
      await settle();
      a.publishRoom('doc:1', new Uint8Array([9]));
      await settle(300);
      expect(atB).toEqual([]);
    });

    it('delivers events to every other process', async () => {
      const [a, b, c] = [await connect(), await connect(), await connect()];
      const atA: string[] = [];
      a.onEvent((event) => atA.push(event));
      const atB = nextOf<[string, string]>((listener) => b.onEvent((event, from) => listener([event, from])));
      const atC = nextOf<string>((listener) => c.onEvent(listener));
      a.publishEvent('{"type":"hello","text":"委员"}');
      expect(await atB).toEqual(['{"type":"hello","text":"委员"}', a.processId]);
      expect(await atC).toBe('{"type":"hello","text":"委员"}');
      await settle();
      expect(atA).toEqual([]);
    });

    it('counts the processes listening', async () => {
      const a = await connect();
      const before = await a.countProcesses();
      const b = await connect();
      expect(await a.countProcesses()).toBe(before + 1);
      await b.close();
      await settle();
      expect(await a.countProcesses()).toBe(before);
    });

    it('tells a process that was cut off to resync, and delivers again after', async () => {
      const [a, b] = [await connect(), await connect()];
      const received: number[] = [];
      await b.joinRoom('doc:1', (message) => received.push(message[0] ?? -1));
      const resynced = nextOf<void>((listener) => b.onResync(listener), 10_000);
      await harness.interrupt(b, async () => {
        a.publishRoom('doc:1', new Uint8Array([1]));
        await settle();
      });
      await resynced;
      a.publishRoom('doc:1', new Uint8Array([2]));
      await expect.poll(() => received, { timeout: 3_000 }).toContain(2);
    });
  });
}
