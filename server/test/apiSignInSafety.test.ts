import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { meSchema, rosterResultSchema, sessionSchema } from '../../shared/api/schemas';
import { CloseCode, DocKind, Role } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { RedisLoginThrottleStore } from '../auth/RedisLoginThrottleStore';
import type { ServerOptions } from '../startServer';
import { prepareDatabasePath } from '../storage/sqlite/databasePath';
import { SqliteAccountStore } from '../storage/sqlite/SqliteAccountStore';
import { apiRequest, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { SyncClient } from './support/SyncClient';
import { SEED_PASSWORD, type SeededWorkspace, seedWorkspace } from './support/seedWorkspace';
import { makeDataDir, startTestServer, type TestServer } from './support/testServer';

const running: { server: TestServer; clients: SyncClient[] }[] = [];
afterEach(async () => {
  for (const { server, clients } of running.splice(0)) {
    await Promise.all(clients.map((client) => client.close()));
    await server.dispose();
  }
});

type Workspace = SeededWorkspace<'g', 'li'>;

/** Through a proxy on loopback, so that each test request can come from the address it names. */
const BEHIND_PROXY: Partial<ServerOptions> = {
  trustProxy: ['127.0.0.1'],
  // The username slowdown is real time; tests keep it short and check only that it lets the owner in.
  loginThrottle: { slowBaseMs: 5, slowMaxMs: 20 },
};

async function start(options: Partial<ServerOptions> = {}) {
  const server = await startTestServer({ passwordParams: FAST_PASSWORDS, ...options });
  const clients: SyncClient[] = [];
  running.push({ server, clients });
  const workspace: Workspace = await seedWorkspace(server, {
    groups: ['g'],
    people: { li: { role: Role.member, groups: ['g'] } },
  });
  return { server, workspace, clients };
}

function signInFrom(url: string, address: string, username: string, password: string) {
  return apiRequest(url, 'POST', '/api/session', {
    json: { username, password },
    headers: { 'x-forwarded-for': address },
  });
}

describe('sign-in throttling', () => {
  it('lets the right password in from another address while an attacker hammers the username', async () => {
    const { server } = await start(BEHIND_PROXY);
    for (let round = 0; round < 3; round += 1) {
      for (let bot = 0; bot < 6; bot += 1) {
        await signInFrom(server.url, `203.0.113.${bot}`, 'li', `guess-${round}-${bot}`);
      }
    }
    const attacker = await signInFrom(server.url, '203.0.113.0', 'li', 'guess-again');
    expect(attacker.status).toBe(401);
    for (let i = 0; i < 3; i += 1) {
      await signInFrom(server.url, '203.0.113.0', 'li', `more-${i}`);
    }
    const blocked = await signInFrom(server.url, '203.0.113.0', 'li', SEED_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      error: 'rate_limited',
      message: expect.stringContaining('for this username'),
    });

    const owner = await signInFrom(server.url, '198.51.100.2', 'li', SEED_PASSWORD);
    expect(expectOk(owner, sessionSchema).user.username).toBe('li');
    const typoFirst = await signInFrom(server.url, '198.51.100.3', 'li', 'typo');
    expect(typoFirst.status).toBe(401);
    expect((await signInFrom(server.url, '198.51.100.3', 'li', SEED_PASSWORD)).status).toBe(200);
  });

  it('blocks an address that fails a lot, whatever the usernames, with 429 and Retry-After', async () => {
    const { server } = await start(BEHIND_PROXY);
    for (let i = 0; i < 20; i += 1) {
      expect((await signInFrom(server.url, '203.0.113.9', `user${i}`, 'wrong-password')).status).toBe(401);
    }
    const blocked = await signInFrom(server.url, '203.0.113.9', 'li', SEED_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(blocked.body).toEqual({
      error: 'rate_limited',
      message: 'Too many failed sign-ins from your network address: try again in 60 seconds',
      retryAfterSeconds: 60,
    });
    expect((await signInFrom(server.url, '198.51.100.2', 'li', SEED_PASSWORD)).status).toBe(200);
  });
});

describe.skipIf(process.env.TEST_REDIS_URL === undefined)('sign-in throttling shared through Redis', () => {
  it('blocks an address on every server once its failures across them add up', async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? '', { maxRetriesPerRequest: 1, commandTimeout: 2_000 });
    const prefix = `jianyan-test:${randomUUID()}:`;
    try {
      // Two processes behind one load balancer: each its own server, one Redis between them.
      const startProcess = async (): Promise<string> => {
        const loginThrottleStore = new RedisLoginThrottleStore({ redis, prefix });
        return (await start({ ...BEHIND_PROXY, loginThrottleStore })).server.url;
      };
      const first = await startProcess();
      const second = await startProcess();
      for (let i = 0; i < 20; i += 1) {
        const url = i % 2 === 0 ? first : second;
        expect((await signInFrom(url, '203.0.113.9', `user${i}`, 'wrong-password')).status).toBe(401);
      }
      for (const url of [first, second]) {
        expect((await signInFrom(url, '203.0.113.9', 'li', SEED_PASSWORD)).status).toBe(429);
        expect((await signInFrom(url, '198.51.100.2', 'li', SEED_PASSWORD)).status).toBe(200);
      }
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      redis.disconnect();
    }
  });
});

describe('an account that must change its password', () => {
  /** Imports li2 by roster (a one-time password) and signs in with it. */
  async function rosterAccount(server: TestServer, workspace: Workspace) {
    const roster = new TextEncoder().encode('姓名,用户名,角色,小组\r\n李二,li2,委员,g\r\n');
    const imported = expectOk(
      await apiRequest(server.url, 'POST', '/api/roster', {
        token: workspace.secretariat.token,
        raw: roster,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      }),
      rosterResultSchema,
    );
    const oneTimePassword = imported.accounts[0]?.oneTimePassword ?? '';
    const session = expectOk(
      await apiRequest(server.url, 'POST', '/api/session', { json: { username: 'li2', password: oneTimePassword } }),
      sessionSchema,
    );
    return { oneTimePassword, token: session.token, user: session.user };
  }

  it('may only read /api/me and its device key, change the password and sign out; the rest is 403 until then', async () => {
    const { server, workspace, clients } = await start();
    const { oneTimePassword, token, user } = await rosterAccount(server, workspace);
    expect(user.mustChangePassword).toBe(true);
    expect((await apiRequest(server.url, 'GET', '/api/me', { token })).status).toBe(200);
    expect(
      (await apiRequest(server.url, 'GET', '/api/me/device-key', { headers: { cookie: `jianyan_session=${token}` } }))
        .status,
    ).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/workspace'],
      ['GET', '/api/people'],
      ['GET', '/api/stream'],
      ['POST', '/api/tokens'],
    ] as const) {
      const refused = await apiRequest(server.url, method, path, {
        token,
        ...(method === 'POST' ? { json: { name: 'x' } } : {}),
      });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body).toMatchObject({
        error: 'password_change_required',
        message: expect.stringContaining('Change your password first'),
      });
    }

    const doc = await workspace.createDoc('li', { groupKey: 'g', kind: DocKind.proposal });
    const refusedSocket = new SyncClient(server.wsUrl, doc.id, { token });
    clients.push(refusedSocket);
    await refusedSocket.opened;
    expect(await refusedSocket.waitClosed()).toEqual({
      code: CloseCode.forbidden,
      reason: formatRelayReason(RelayReasonCode.passwordChange),
    });

    const same = await apiRequest(server.url, 'POST', '/api/me/password', {
      token,
      json: { currentPassword: oneTimePassword, newPassword: oneTimePassword },
    });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({ field: 'newPassword' });
    const changed = await apiRequest(server.url, 'POST', '/api/me/password', {
      token,
      json: { currentPassword: oneTimePassword, newPassword: 'my-own-password-2' },
    });
    expect(changed.status).toBe(200);
    expect(expectOk(await apiRequest(server.url, 'GET', '/api/me', { token }), meSchema).mustChangePassword).toBe(
      false,
    );
    expect((await apiRequest(server.url, 'GET', '/api/workspace', { token })).status).toBe(200);
    const admitted = await SyncClient.connect(server.wsUrl, doc.id, { token });
    clients.push(admitted);
    expect(admitted.closed).toBeNull();
    const signOut = await apiRequest(server.url, 'DELETE', '/api/session', { token });
    expect(signOut.status).toBe(204);
  });

  it('may sign out before changing it', async () => {
    const { server, workspace } = await start();
    const { token } = await rosterAccount(server, workspace);
    expect((await apiRequest(server.url, 'DELETE', '/api/session', { token })).status).toBe(204);
    expect((await apiRequest(server.url, 'GET', '/api/me', { token })).status).toBe(401);
  });
});

describe('the roster upload', () => {
  it('is refused with 415 unless it is sent as text/csv', async () => {
    const { server, workspace } = await start();
    const raw = new TextEncoder().encode('姓名,用户名,角色,小组\r\n王五,wangwu,委员,g\r\n');
    const types: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      {},
    ];
    for (const headers of types) {
      const answer = await apiRequest(server.url, 'POST', '/api/roster', {
        token: workspace.secretariat.token,
        raw,
        headers,
      });
      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({
        error: 'unsupported_media_type',
        message: expect.stringContaining('Content-Type: text/csv'),
      });
    }
  });
});

describe('password hashes of an older cost', () => {
  it('verifies an N = 2^15 hash and stores it again at N = 2^17 at the next sign-in', async () => {
    const dataDir = makeDataDir();
    const readHash = async (): Promise<string> => {
      const store = new SqliteAccountStore({ path: prepareDatabasePath(dataDir) });
      try {
        return (await store.findUserByUsername('admin'))?.passwordHash ?? '';
      } finally {
        await store.close();
      }
    };
    const old = await startTestServer({ dataDir, passwordParams: { logN: 15, r: 8, p: 1 } });
    const token = old.setupUrl?.split('/').at(-1) ?? '';
    const body = { token, username: 'admin', name: '秘书处', password: 'first-password' };
    expect((await apiRequest(old.url, 'POST', '/api/setup', { json: body })).status).toBe(200);
    await old.close();
    expect(await readHash()).toMatch(/^scrypt\$15\$8\$1\$/);

    const current = await startTestServer({ dataDir });
    running.push({ server: current, clients: [] });
    const signIn = { json: { username: 'admin', password: 'first-password' } };
    expect((await apiRequest(current.url, 'POST', '/api/session', signIn)).status).toBe(200);
    await current.close();
    expect(await readHash()).toMatch(/^scrypt\$17\$8\$1\$/);

    const again = await startTestServer({ dataDir });
    running.push({ server: again, clients: [] });
    expect((await apiRequest(again.url, 'POST', '/api/session', signIn)).status).toBe(200);
  });
});

describe('a one-time password', () => {
  it('is hashed at the one-time cost when the secretariat resets it in the app, as by the CLI and a roster', async () => {
    const dataDir = makeDataDir();
    const { server, workspace } = await start({ dataDir, passwordParams: { logN: 16, r: 8, p: 1 } });
    const answer = await apiRequest(server.url, 'POST', `/api/people/${workspace.people.li.id}/reset-password`, {
      token: workspace.secretariat.token,
    });
    expect(answer.status).toBe(200);
    const store = new SqliteAccountStore({ path: prepareDatabasePath(dataDir) });
    try {
      expect((await store.findUserByUsername('li'))?.passwordHash).toMatch(/^scrypt\$15\$8\$1\$/);
    } finally {
      await store.close();
    }
  });
});
