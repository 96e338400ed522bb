import { afterAll, beforeAll } from 'vitest';
import { type Device, type DeviceOptions, launchDevice } from './device';
import { startTestServer, type TestServer } from './testServer';

export interface TwoPeople {
  readonly server: TestServer;
  readonly alice: Device;
  readonly bob: Device;
}

/**
 * Registers hooks on the enclosing `describe` that start a server and two people's devices
 * before its tests and close them after. Call the returned function inside a test.
 */
export function withTwoPeople(alice: DeviceOptions, bob: DeviceOptions): () => TwoPeople {
  let people: TwoPeople | null = null;
  beforeAll(async () => {
    const server = await startTestServer();
    const [aliceDevice, bobDevice] = await Promise.all([
      launchDevice(server.url, alice),
      launchDevice(server.url, bob),
    ]);
    people = { server, alice: aliceDevice, bob: bobDevice };
  });
  afterAll(async () => {
    if (people !== null) {
      await Promise.all([people.alice.close(), people.bob.close()]);
      await people.server.dispose();
    }
  });
  return () => {
    if (people === null) {
      throw new Error('the two devices did not start');
    }
    return people;
  };
}
