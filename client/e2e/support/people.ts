import { afterAll, beforeAll } from 'vitest';
import { type Device, type DeviceOptions, launchDevice } from './device';
import { startTestServer, type TestServer } from './testServer';

export interface People<T extends readonly DeviceOptions[]> {
  readonly server: TestServer;
  /** One device per person given to `withPeople`, in that order. */
  readonly devices: { readonly [K in keyof T]: Device };
  /** Launches one more device during a test; it is closed with the others. */
  launch(options: DeviceOptions): Promise<Device>;
}

/**
 * Registers hooks on the enclosing `describe` that start a server and one device per person
 * before its tests, and close them all after. Call the returned function inside a test.
 */
export function withPeople<const T extends readonly DeviceOptions[]>(...people: T): () => People<T> {
  let started: People<T> | null = null;
  const extra: Device[] = [];
  beforeAll(async () => {
    const server = await startTestServer();
    const devices = (await Promise.all(people.map((person) => launchDevice(server.url, person)))) as {
      readonly [K in keyof T]: Device;
    };
    const launch = async (options: DeviceOptions): Promise<Device> => {
      const device = await launchDevice(server.url, options);
      extra.push(device);
      return device;
    };
    started = { server, devices, launch };
  });
  afterAll(async () => {
    if (started !== null) {
      await Promise.all([...started.devices, ...extra].map((device) => device.close()));
      await started.server.dispose();
    }
  });
  return () => {
    if (started === null) {
      throw new Error('the devices did not start');
    }
    return started;
  };
}
