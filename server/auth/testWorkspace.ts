import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GroupId, Role, UserId } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteAccountStore } from '../storage/sqlite/SqliteAccountStore';
import { SqliteDocRecordStore } from '../storage/sqlite/SqliteDocRecordStore';
import { SqliteGroupStore } from '../storage/sqlite/SqliteGroupStore';

/** The record stores on a temporary file, for the unit tests of auth. */
export interface TestWorkspace {
  readonly accounts: SqliteAccountStore;
  readonly groups: SqliteGroupStore;
  readonly records: SqliteDocRecordStore;
  /** Creates an account with a placeholder password hash. */
  addUser(username: string, role: Role, groupIds?: readonly GroupId[]): Promise<UserRecord>;
  addGroup(name: string): Promise<GroupId>;
  /** Runs SQL on a second connection to the file: for states no store method makes yet. */
  exec(sql: string, ...params: (string | number | null)[]): void;
  dispose(): Promise<void>;
}

export function openTestWorkspace(): TestWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-auth-'));
  const file = databasePath(dir);
  const accounts = new SqliteAccountStore({ path: file });
  const groups = new SqliteGroupStore({ path: file });
  const records = new SqliteDocRecordStore({ path: file });
  return {
    accounts,
    groups,
    records,
    addUser: (username, role, groupIds = []) =>
      accounts.createUser({
        id: randomUUID() as UserId,
        username,
        name: username,
        role,
        passwordHash: 'unused',
        createdAt: 0,
        groupIds,
      }),
    addGroup: async (name) => (await groups.createGroup({ id: randomUUID() as GroupId, name, createdAt: 0 })).id,
    exec: (sql, ...params) => {
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    dispose: async () => {
      for (const store of [accounts, groups, records]) {
        await store.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
