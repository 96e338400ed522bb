import type { Group } from '../../../shared/api/schemas';
import type { GroupId, UserId } from '../../../shared/index';
import type { GroupStore, NewGroup } from '../GroupStore';
import { WorkspaceConflictError } from '../WorkspaceConflictError';

/**
 * Groups and memberships in memory: for tests, and as a reference for the contract. Like the
 * SQLite adapter's functions, the methods under "Enrolment" are what MemoryAccountStore calls to
 * write memberships and groups when it creates accounts; they are not part of the port.
 */
export class MemoryGroupStore implements GroupStore {
  readonly #groups = new Map<GroupId, NewGroup>();
  readonly #members = new Map<GroupId, Set<UserId>>();
  #isClosed = false;

  async createGroup(group: NewGroup): Promise<Group> {
    this.#assertOpen('create a group');
    this.#assertNameFree(group.name, null);
    this.insertGroup(group);
    return this.#toGroup(group);
  }

  async renameGroup(id: GroupId, name: string): Promise<Group | null> {
    this.#assertOpen('rename a group');
    this.#assertNameFree(name, id);
    const group = this.#groups.get(id);
    if (group === undefined) {
      return null;
    }
    const renamed = { ...group, name };
    this.#groups.set(id, renamed);
    return this.#toGroup(renamed);
  }

  async getGroup(id: GroupId): Promise<Group | null> {
    this.#assertOpen('read a group');
    const group = this.#groups.get(id);
    return group === undefined ? null : this.#toGroup(group);
  }

  async listGroups(): Promise<Group[]> {
    this.#assertOpen('list groups');
    return [...this.#groups.values()].sort((a, b) => compare(a.name, b.name)).map((group) => this.#toGroup(group));
  }

  async addMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    this.#assertOpen('add a member');
    const group = this.#groups.get(groupId);
    if (group === undefined) {
      return null;
    }
    this.addMembership(groupId, userId);
    return this.#toGroup(group);
  }

  async removeMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    this.#assertOpen('remove a member');
    this.#members.get(groupId)?.delete(userId);
    return this.getGroup(groupId);
  }

  async close(): Promise<void> {
    this.#isClosed = true;
  }

  // ---- Enrolment: called by MemoryAccountStore when it creates accounts ----

  /** Whether a group with this id exists. */
  hasGroup(id: GroupId): boolean {
    return this.#groups.has(id);
  }

  /** The id of the group with this name; null when there is none. */
  groupIdByName(name: string): GroupId | null {
    return [...this.#groups.values()].find((group) => group.name === name)?.id ?? null;
  }

  /** Inserts a group whose name the caller checked is free. */
  insertGroup(group: NewGroup): void {
    this.#groups.set(group.id, { ...group });
  }

  /** Makes a person a member (no change when already one). */
  addMembership(groupId: GroupId, userId: UserId): void {
    const members = this.#members.get(groupId) ?? new Set<UserId>();
    members.add(userId);
    this.#members.set(groupId, members);
  }

  /** The groups a person belongs to, ordered by id. */
  groupIdsOf(userId: UserId): GroupId[] {
    return [...this.#members]
      .filter(([, members]) => members.has(userId))
      .map(([groupId]) => groupId)
      .sort(compare);
  }

  #toGroup(group: NewGroup): Group {
    const memberIds = [...(this.#members.get(group.id) ?? [])].sort(compare);
    return { id: group.id, name: group.name, createdAt: group.createdAt, memberIds };
  }

  #assertNameFree(name: string, exceptId: GroupId | null): void {
    const holder = this.groupIdByName(name);
    if (holder !== null && holder !== exceptId) {
      throw new WorkspaceConflictError('group_name', [name]);
    }
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new Error(`Cannot ${operation}: the group store is closed`);
    }
  }
}

/** The order SQLite's BINARY collation gives these strings (code points). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
