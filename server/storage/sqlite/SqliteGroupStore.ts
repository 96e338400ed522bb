import type { Group } from '../../../shared/api/schemas';
import type { GroupId, UserId } from '../../../shared/index';
import type { GroupStore, NewGroup } from '../GroupStore';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import {
  addMembership,
  allGroups,
  assertGroupNameFree,
  groupById,
  insertGroup,
  removeMembership,
  renameGroupRow,
} from './sqliteGroupRows';

export interface SqliteGroupStoreOptions {
  /** Path of the database file, shared with the other stores; created when missing. */
  readonly path: string;
}

/**
 * Activity groups and memberships in the shared SQLite file, on a connection of their own. Owns
 * the `groups` and `memberships` tables (sqliteGroupRows); each write is one IMMEDIATE
 * transaction, so a name check and the write that relies on it cannot be split.
 */
export class SqliteGroupStore implements GroupStore {
  readonly #q: SqliteQueries;

  constructor(options: SqliteGroupStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'group store');
  }

  createGroup(group: NewGroup): Promise<Group> {
    return this.#q.write('create a group', () => {
      assertGroupNameFree(this.#q, group.name, null);
      insertGroup(this.#q, group);
      return { id: group.id, name: group.name, createdAt: group.createdAt, memberIds: [] };
    });
  }

  renameGroup(id: GroupId, name: string): Promise<Group | null> {
    return this.#q.write('rename a group', () => {
      assertGroupNameFree(this.#q, name, id);
      renameGroupRow(this.#q, id, name);
      return groupById(this.#q, id);
    });
  }

  getGroup(id: GroupId): Promise<Group | null> {
    return this.#q.read('read a group', () => groupById(this.#q, id));
  }

  listGroups(): Promise<Group[]> {
    return this.#q.read('list groups', () => allGroups(this.#q));
  }

  addMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#q.write('add a member', () => {
      if (groupById(this.#q, groupId) === null) {
        return null;
      }
      addMembership(this.#q, groupId, userId);
      return groupById(this.#q, groupId);
    });
  }

  removeMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#q.write('remove a member', () => {
      removeMembership(this.#q, groupId, userId);
      return groupById(this.#q, groupId);
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
