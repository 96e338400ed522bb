import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meSchema } from '../../shared/api/schemas';
import { PasswordHasher } from '../auth/passwords';
import { openStores } from '../storage/openStores';
import { newTestDatabase, type TestDatabase } from '../storage/postgres/testDatabases';
import { TEST_DATABASE_URL } from '../storage/postgres/testSchemas';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteAccountStore } from '../storage/sqlite/SqliteAccountStore';
import { apiRequest } from './support/apiRequest';
import { runNpmScript, type ScriptResult } from './support/runNpmScript';
import { makeDataDir, startTestServer } from './support/testServer';

/** Each command starts tsx and hashes passwords with scrypt: allow a loaded machine time. */
const COMMAND_TIMEOUT_MS = 60_000;

/** Runs `npm run admin -- ...args` as an operator would, on `dataDir`. */
function admin(dataDir: string, ...args: string[]): Promise<ScriptResult> {
  return runNpmScript('admin', dataDir, args);
}

/** Runs `npm run admin -- ...args` with DATABASE_URL set, as an operator of a PostgreSQL deployment would. */
function adminOn(database: TestDatabase, ...args: string[]): Promise<ScriptResult> {
  return runNpmScript('admin', dataDir, args, { DATABASE_URL: database.url });
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

const ROSTER = [
  '姓名,用户名,角色,小组',
  '张三,zhangsan,召集人,"经济界别、城关镇委员活动小组"',
  '李四,lisi,委员,经济界别',
  '王五,wangwu,副主席,',
].join('\r\n');

let dataDir: string;

function writeRoster(name: string, text: string): string {
  const file = path.join(dataDir, name);
  writeFileSync(file, text);
  return file;
}

async function withStore<T>(use: (store: SqliteAccountStore) => Promise<T>): Promise<T> {
  const store = new SqliteAccountStore({ path: databasePath(dataDir) });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  dataDir = makeDataDir();
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run admin', () => {
  it('imports a roster and prints each account with a one-time password that signs in', {
    timeout: COMMAND_TIMEOUT_MS,
  }, async () => {
    const result = await admin(dataDir, 'import-roster', writeRoster('名单.csv', `\uFEFF${ROSTER}`));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('New groups: 经济界别、城关镇委员活动小组');
    const row = result.stdout.split('\n').find((line) => line.startsWith('zhangsan '));
    expect(row).toMatch(
      /^zhangsan\s+张三\s+召集人\s+经济界别、城关镇委员活动小组\s+[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/,
    );
    expect(result.stdout).toContain('Hand each person');

    const password = row?.split(/\s+/).at(-1) ?? '';
    const user = await withStore((store) => store.findUserByUsername('zhangsan'));
    expect(user).toMatchObject({ name: '张三', role: 'convener', mustChangePassword: true });
    expect(user?.groupIds).toHaveLength(2);
    expect(await new PasswordHasher().verify(password, user?.passwordHash ?? '')).toBe(true);
  });

  it('skips the people who have an account when the same roster is imported again', {
    timeout: COMMAND_TIMEOUT_MS * 2,
  }, async () => {
    const file = writeRoster('名单.csv', ROSTER);
    expect((await admin(dataDir, 'import-roster', file)).code).toBe(0);
    const again = await admin(dataDir, 'import-roster', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported 0 accounts');
    expect(again.stdout).toContain(
      'Skipped 3 who have an account already: 张三 (zhangsan)、李四 (lisi)、王五 (wangwu)',
    );
    expect(again.stdout).not.toContain('Hand each person');
    expect(await withStore((store) => store.countUsers())).toBe(3);
  });

  it('refuses a roster with bad lines, listing each, and imports none of it', {
    timeout: COMMAND_TIMEOUT_MS,
  }, async () => {
    const file = writeRoster('bad.csv', `${ROSTER}\r\n赵六,Zhao Liu,委员,\r\n孙七,lisi,主任,\r\n`);
    const result = await admin(dataDir, 'import-roster', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was imported: 2 problems');
    expect(result.stderr).toContain('line 5: 用户名 (username) "Zhao Liu" is not valid');
    expect(result.stderr).toContain('line 6: 角色 (role) "主任" is unknown: use 秘书处');
    expect(await withStore((store) => store.countUsers())).toBe(0);
  });

  it('gives a new one-time password that replaces the old one', { timeout: COMMAND_TIMEOUT_MS }, async () => {
    await admin(dataDir, 'import-roster', writeRoster('名单.csv', ROSTER));
    const result = await admin(dataDir, 'reset-password', 'lisi');
    expect(result.code).toBe(0);
    const password = /New one-time password for 李四 \(lisi\): (\S+)/.exec(result.stdout)?.[1] ?? '';
    const user = await withStore((store) => store.findUserByUsername('lisi'));
    expect(await new PasswordHasher().verify(password, user?.passwordHash ?? '')).toBe(true);
    expect(user?.mustChangePassword).toBe(true);
  });

  it('refuses an unknown username, naming the database', { timeout: COMMAND_TIMEOUT_MS }, async () => {
    const result = await admin(dataDir, 'token', 'nobody');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`There is no account "nobody" in ${databasePath(dataDir)}`);
  });

  it('answers an unknown command or bad arguments with the usage on stderr and status 2', {
    timeout: COMMAND_TIMEOUT_MS,
  }, async () => {
    const unknown = await admin(dataDir, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command frobnicate');
    expect(unknown.stderr).toContain('Usage: npm run admin -- <command>');
    const missing = await admin(dataDir, 'token');
    expect(missing.code).toBe(2);
    const help = await admin(dataDir, 'help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import-roster FILE');
  });

  it('issues an API token while the server runs on the same data, and the token works over HTTP', {
    timeout: COMMAND_TIMEOUT_MS,
  }, async () => {
    const server = await startTestServer({ dataDir });
    try {
      const imported = await admin(dataDir, 'import-roster', writeRoster('名单.csv', ROSTER));
      expect(imported.code).toBe(0);
      // Until the one-time password is changed, the account may do nothing else, with any credential.
      const oneTime =
        imported.stdout
          .split('\n')
          .find((line) => line.startsWith('zhangsan '))
          ?.split(/\s+/)
          .at(-1) ?? '';
      const session = await apiRequest(server.url, 'POST', '/api/session', {
        json: { username: 'zhangsan', password: oneTime },
      });
      const changed = await apiRequest(server.url, 'POST', '/api/me/password', {
        token: (session.body as { token: string }).token,
        json: { currentPassword: oneTime, newPassword: 'a-new-password-2026' },
      });
      expect(changed.status).toBe(200);
      const result = await admin(dataDir, 'token', 'zhangsan', '--name', '数据导出', '--days', '30');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Created the API token "数据导出" for 张三 (zhangsan)');
      expect(result.stdout).toMatch(/It works until \d{4}-\d{2}-\d{2} \(30 days\)/);
      const token = lastLine(result.stdout);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const response = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const inbox = await fetch(`${server.url}/api/notifications`, { headers: { authorization: `Bearer ${token}` } });
      expect(await inbox.json()).toMatchObject({
        notifications: [{ type: 'token_created', docId: null, excerpt: '数据导出' }],
        unreadCount: 1,
      });
      expect(meSchema.parse(await response.json())).toMatchObject({
        username: 'zhangsan',
        name: '张三',
        role: 'convener',
      });
    } finally {
      await server.close();
    }
  });

  it('ends the API tokens of a person whose password it resets, and says so', {
    timeout: COMMAND_TIMEOUT_MS * 2,
  }, async () => {
    const server = await startTestServer({ dataDir });
    try {
      expect((await admin(dataDir, 'import-roster', writeRoster('名单.csv', ROSTER))).code).toBe(0);
      const token = lastLine((await admin(dataDir, 'token', 'lisi')).stdout);
      const me = () => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect((await me()).status).toBe(200);

      const result = await admin(dataDir, 'reset-password', 'lisi');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Their other sign-ins have ended, and their API tokens');
      expect(result.stdout).toContain('were revoked (1)');
      expect((await me()).status).toBe(401);
      expect(await withStore(async (store) => (await store.findUserByUsername('lisi'))?.mustChangePassword)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(TEST_DATABASE_URL === null)('npm run admin with DATABASE_URL', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await newTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('imports a roster and resets a password in PostgreSQL, leaving DATA_DIR alone', {
    timeout: COMMAND_TIMEOUT_MS * 2,
  }, async () => {
    const imported = await adminOn(database, 'import-roster', writeRoster('名单.csv', ROSTER));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 3 accounts');
    const reset = await adminOn(database, 'reset-password', 'lisi');
    expect(reset.code).toBe(0);
    const password = /New one-time password for 李四 \(lisi\): (\S+)/.exec(reset.stdout)?.[1] ?? '';

    const stores = await openStores({ dataDir, databaseUrl: database.url });
    try {
      expect(await stores.accounts.countUsers()).toBe(3);
      const user = await stores.accounts.findUserByUsername('lisi');
      expect(await new PasswordHasher().verify(password, user?.passwordHash ?? '')).toBe(true);
    } finally {
      await stores.close();
    }
    expect(existsSync(databasePath(dataDir))).toBe(false);
  });

  it('names the PostgreSQL database when a username is unknown', { timeout: COMMAND_TIMEOUT_MS }, async () => {
    const result = await adminOn(database, 'token', 'nobody');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`There is no account "nobody" in ${database.url}`);
  });
});
