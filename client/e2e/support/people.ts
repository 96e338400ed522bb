import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../shared';
import { signIn } from './app';
import { type Device, type DeviceOptions, launchDevice } from './device';
import { type Account, ApiSeed, type SeededGroup } from './seed';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer';

/** One simulated person: their account and the device they use. */
export interface PersonOptions extends DeviceOptions {
  /** The account's name, shown on carets, in lists and headers. */
  readonly name: string;
  readonly role?: Role;
  /** Which group the person belongs to: the file's shared group (default), the other one, or none. */
  readonly group?: 'shared' | 'other' | 'none';
  /** A handling unit's account (role `unit`): the name of its unit, created on first use. */
  readonly unit?: string;
  /** Whether the device is signed in before the tests (default true). */
  readonly isSignedIn?: boolean;
}

export interface Person extends Device {
  readonly account: Account;
}

export interface People<T extends readonly PersonOptions[]> {
  readonly server: TestServer;
  /** The secretariat's API access, the shared group and the other group. */
  readonly seed: ApiSeed;
  readonly group: SeededGroup;
  readonly otherGroup: SeededGroup;
  /** One person per entry given to `withPeople`, in that order. */
  readonly devices: { readonly [K in keyof T]: Person };
  /** One more person during a test (account and device); closed with the others. */
  launch(options: PersonOptions): Promise<Person>;
  /** A device with no account yet (someone about to join through a link); closed with the others. */
  openDevice(options?: DeviceOptions): Promise<Device>;
}

/**
 * Registers hooks on the enclosing `describe` that start a server, set it up through its HTTP
 * API (the secretariat, a shared group "第一小组" and another group "第二小组"), create one
 * account per person and sign each person in on their own device. Call the returned function
 * inside a test.
 */
export function withPeople<const T extends readonly PersonOptions[]>(...people: T): () => People<T> {
  return withPeopleOn({}, ...people);
}

/** `withPeople` on a server started with `serverOptions`. */
export function withPeopleOn<const T extends readonly PersonOptions[]>(
  serverOptions: TestServerOptions,
  ...people: T
): () => People<T> {
  let started: People<T> | null = null;
  const devices: Device[] = [];
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startTestServer(serverOptions);
    if (server.setupUrl === null) {
      throw new Error('the test server did not print a setup link');
    }
    const seed = await ApiSeed.setUp(server.url, server.setupUrl);
    const group = await seed.createGroup('第一小组');
    const otherGroup = await seed.createGroup('第二小组');
    let count = 0;
    const openDevice = async (options: DeviceOptions = {}): Promise<Device> => {
      const device = await launchDevice(seed.baseUrl, options);
      devices.push(device);
      return device;
    };
    const launch = async (options: PersonOptions): Promise<Person> => {
      count += 1;
      const groupIds = { shared: [group.id], other: [otherGroup.id], none: [] }[options.group ?? 'shared'];
      const account = await seed.createAccount({
        username: `person${count}`,
        name: options.name,
        role: options.unit === undefined ? (options.role ?? 'member') : 'unit',
        groupIds: options.unit === undefined ? groupIds : [],
        ...(options.unit === undefined ? {} : { unitId: await seed.unitIdOf(options.unit) }),
      });
      const device = await openDevice(options);
      if (options.isSignedIn !== false) {
        await signIn(device.page, account);
      }
      return { ...device, account };
    };
    const launched = await Promise.all(people.map((person) => launch(person)));
    started = {
      server,
      seed,
      group,
      otherGroup,
      devices: launched as unknown as { readonly [K in keyof T]: Person },
      launch,
      openDevice,
    };
  });
  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await server?.dispose();
  });
  return () => {
    if (started === null) {
      throw new Error('the people did not start');
    }
    return started;
  };
}
