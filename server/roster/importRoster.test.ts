import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteAccountStore } from '../storage/sqlite/SqliteAccountStore';
import { SqliteGroupStore } from '../storage/sqlite/SqliteGroupStore';
import { importRoster } from './importRoster';

/** `姓名,用户名,角色,小组\r\n张三,zhangsan,委员,"经济界别、教育界别"\r\n` encoded as GBK. */
const GBK_ROSTER = new Uint8Array([
  208, 213, 195, 251, 44, 211, 195, 187, 167, 195, 251, 44, 189, 199, 201, 171, 44, 208, 161, 215, 233, 13, 10, 213,
  197, 200, 253, 44, 122, 104, 97, 110, 103, 115, 97, 110, 44, 206, 175, 212, 177, 44, 34, 190, 173, 188, 195, 189, 231,
  177, 240, 161, 162, 189, 204, 211, 253, 189, 231, 177, 240, 34, 13, 10,
]);

const hashPassword = (password: string): Promise<string> => Promise.resolve(`test$${password}`);

function utf8(text: string, options: { bom?: boolean } = {}): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  return options.bom === true ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

describe('importRoster', () => {
  let dir: string;
  let store: SqliteAccountStore;
  let groups: SqliteGroupStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jianyan-roster-'));
    store = new SqliteAccountStore({ path: databasePath(dir) });
    groups = new SqliteGroupStore({ path: databasePath(dir) });
  });
  afterEach(async () => {
    await store.close();
    await groups.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the groups and accounts of a UTF-8 roster with a one-time password each', async () => {
    const outcome = await importRoster(
      store,
      utf8('姓名,用户名,角色,小组\n张三,zhangsan,召集人,"经济界别、城关镇委员活动小组"\n李四,lisi,委员,经济界别\n', {
        bom: true,
      }),
      { hashPassword },
    );
    if (!outcome.ok) {
      throw new Error(JSON.stringify(outcome.problems));
    }
    expect(outcome.result.createdGroups).toEqual(['经济界别', '城关镇委员活动小组']);
    expect(outcome.result.accounts.map(({ oneTimePassword: _, ...account }) => account)).toEqual([
      { line: 2, username: 'zhangsan', name: '张三', role: 'convener', groups: ['经济界别', '城关镇委员活动小组'] },
      { line: 3, username: 'lisi', name: '李四', role: 'member', groups: ['经济界别'] },
    ]);
    const [first] = outcome.result.accounts;
    const zhang = await store.findUserByUsername('zhangsan');
    expect(zhang).toMatchObject({ name: '张三', role: 'convener', mustChangePassword: true, isActive: true });
    expect(zhang?.passwordHash).toBe(`test$${first?.oneTimePassword}`);
    const listed = await groups.listGroups();
    expect(listed.find((group) => group.name === '经济界别')?.memberIds).toHaveLength(2);
  });

  it('reads a GBK roster', async () => {
    const outcome = await importRoster(store, GBK_ROSTER, { hashPassword });
    expect(outcome.ok).toBe(true);
    expect(await store.findUserByUsername('zhangsan')).toMatchObject({ name: '张三', role: 'member' });
    expect((await groups.listGroups()).map((group) => group.name).sort()).toEqual(['教育界别', '经济界别'].sort());
  });

  it('joins existing groups and creates only the missing ones', async () => {
    await importRoster(store, utf8('name,username,role,groups\n张三,zhangsan,member,经济界别\n'), { hashPassword });
    const outcome = await importRoster(store, utf8('name,username,role,groups\n李四,lisi,member,经济界别;教育界别\n'), {
      hashPassword,
    });
    expect(outcome).toMatchObject({ ok: true, result: { createdGroups: ['教育界别'] } });
    expect((await groups.listGroups()).find((group) => group.name === '经济界别')?.memberIds).toHaveLength(2);
  });

  it('refuses the whole file, writing nothing, and names every bad line including taken usernames', async () => {
    await importRoster(store, utf8('name,username,role,groups\n张三,zhangsan,member,\n'), { hashPassword });
    const outcome = await importRoster(
      store,
      utf8(
        [
          '姓名,用户名,角色,小组',
          '李四,lisi,委员,新小组',
          '张三丰,zhangsan,委员,新小组',
          '王五,wang wu,委员,',
          '赵六,zhaoliu,委员,新小组',
          '',
        ].join('\r\n'),
      ),
      { hashPassword },
    );
    expect(outcome).toMatchObject({
      ok: false,
      problems: [
        {
          line: 3,
          code: 'username_taken',
          field: 'username',
          message: expect.stringContaining('"zhangsan" is already taken'),
        },
        {
          line: 4,
          code: 'username_invalid',
          field: 'username',
          message: expect.stringContaining('"wang wu" is not valid'),
        },
      ],
    });
    expect(await store.countUsers()).toBe(1);
    expect(await groups.listGroups()).toEqual([]);
  });

  it('answers a username taken between the check and the transaction as a problem of its line', async () => {
    await importRoster(store, utf8('name,username,role,groups\n张三,zhangsan,member,\n'), { hashPassword });
    // A store that misses the existing account when asked, as when it is created meanwhile.
    const racing = new Proxy(store, {
      get(target, property) {
        if (property === 'listUsers') {
          return () => Promise.resolve([]);
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const outcome = await importRoster(
      racing,
      utf8('name,username,role,groups\n李四,lisi,member,\n张三,zhangsan,member,\n'),
      {
        hashPassword,
      },
    );
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ line: 3, code: 'username_taken', message: expect.stringContaining('already taken') }],
    });
    expect(await store.countUsers()).toBe(1);
  });

  it('refuses a file that is not text with a problem on line 1', async () => {
    const outcome = await importRoster(store, new Uint8Array([0xff, 0xfe, 0x00, 0x41]), { hashPassword });
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ line: 1, code: 'unreadable', params: { reason: 'utf16' } }],
    });
    expect(await store.countUsers()).toBe(0);
  });

  it('makes a missing username from the pinyin of the name, with a number when taken', async () => {
    await importRoster(store, utf8('name,username,role,groups\n林国栋,linguodong,member,\n'), { hashPassword });
    const outcome = await importRoster(
      store,
      utf8('姓名,用户名,角色,小组\n林国栋,,委员,\n林 国栋,,委员,\n吕芳,,委员,\n'),
      { hashPassword },
    );
    expect(outcome.ok && outcome.result.accounts.map((a) => [a.name, a.username])).toEqual([
      ['林 国栋', 'linguodong2'],
      ['吕芳', 'lvfang'],
    ]);
    expect(outcome.ok && outcome.result.skipped).toEqual([{ line: 2, username: 'linguodong', name: '林国栋' }]);
  });

  it('skips the people who have an account already when the same roster is imported again', async () => {
    const roster = utf8('姓名,用户名,角色,小组\n张三,zhangsan,委员,经济界别\n林国栋,,委员,\n');
    const first = await importRoster(store, roster, { hashPassword });
    expect(first.ok && first.result.accounts.map((a) => a.username)).toEqual(['zhangsan', 'linguodong']);
    const again = await importRoster(store, roster, { hashPassword });
    expect(again).toEqual({
      ok: true,
      result: {
        accounts: [],
        createdGroups: [],
        skipped: [
          { line: 2, username: 'zhangsan', name: '张三' },
          { line: 3, username: 'linguodong', name: '林国栋' },
        ],
      },
    });
    expect(await store.countUsers()).toBe(2);
  });
});
