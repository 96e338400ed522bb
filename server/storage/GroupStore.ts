import type { Group } from '../../shared/api/schemas';
import type { GroupId, UserId } from '../../shared/index';

/** What creating a group needs; the id and time are given by the caller. */
export interface NewGroup {
  readonly id: GroupId;
  readonly name: string;
  readonly createdAt: number;
}

/**
 * Activity groups and their memberships. Accounts are created with their memberships by
 * AccountStore (registration, invitations, rosters), which writes them through this store's
 * adapter inside its own transaction; everything else about memberships happens here.
 * Adapters: SQLite (the embedded default), PostgreSQL (several processes) and memory (tests).
 */
export interface GroupStore {
  /** Creates a group; throws WorkspaceConflictError when the name is taken. */
  createGroup(group: NewGroup): Promise<Group>;
  /** Null when there is no such group; throws WorkspaceConflictError when the name is taken. */
  renameGroup(id: GroupId, name: string): Promise<Group | null>;
  /** The group with its members; null when there is none. */
  getGroup(id: GroupId): Promise<Group | null>;
  /** Every group with its members, ordered by name. */
  listGroups(): Promise<Group[]>;
  /** Adds a member (no change when already one); null when the group does not exist. */
  addMember(groupId: GroupId, userId: UserId): Promise<Group | null>;
  /** Removes a member (no change when not one); null when the group does not exist. */
  removeMember(groupId: GroupId, userId: UserId): Promise<Group | null>;
  /** Releases the store; later calls fail. */
  close(): Promise<void>;
}
