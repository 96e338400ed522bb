import type { Group } from '../../../shared/api/schemas';
import type { GroupId, UserId } from '../../../shared/index';
import type { GroupStore, NewGroup } from '../GroupStore';
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';
import {
  addMembership,
  allGroups,
  assertGroupNameFree,
  groupById,
  insertGroup,
  removeMembership,
  renameGroupRow,
} from './pgGroupRows';

export type PgGroupStoreOptions = Omit<PgDatabaseOptions, 'name'>;

/**
 * Activity groups and memberships in PostgreSQL, as SqliteGroupStore keeps them in SQLite. Owns
 * the `groups` and `memberships` tables (pgGroupRows); each write is one transaction holding the
 * records' advisory lock, so a name check and the write that relies on it cannot be split.
 */
export class PgGroupStore implements GroupStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgGroupStoreOptions): Promise<PgGroupStore> {
    return new PgGroupStore(await PgDatabase.open({ ...options, name: 'group store' }));
  }

  createGroup(group: NewGroup): Promise<Group> {
    return this.#db.write('create a group', async (q) => {
      await assertGroupNameFree(q, group.name, null);
      await insertGroup(q, group);
      return { id: group.id, name: group.name, createdAt: group.createdAt, memberIds: [] };
    });
  }

  renameGroup(id: GroupId, name: string): Promise<Group | null> {
    return this.#db.write('rename a group', async (q) => {
      await assertGroupNameFree(q, name, id);
      await renameGroupRow(q, id, name);
      return groupById(q, id);
    });
  }

  getGroup(id: GroupId): Promise<Group | null> {
    return this.#db.read('read a group', (q) => groupById(q, id));
  }

  listGroups(): Promise<Group[]> {
    return this.#db.read('list groups', allGroups);
  }

  addMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#db.write('add a member', async (q) => {
      if ((await groupById(q, groupId)) === null) {
        return null;
      }
      await addMembership(q, groupId, userId);
      return groupById(q, groupId);
    });
  }

  removeMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#db.write('remove a member', async (q) => {
      await removeMembership(q, groupId, userId);
      return groupById(q, groupId);
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
