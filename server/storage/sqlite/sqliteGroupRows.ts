import type { Group } from '../../../shared/api/schemas';
import { type GroupId, parseGroupId, parseUserId, type UserId } from '../../../shared/index';
import type { NewGroup } from '../GroupStore';
import { type GroupRow, toGroup } from '../rows/groupRows';
import { idsByKey } from '../rows/rowChecks';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import type { SqliteQueries } from './SqliteQueries';

/**
 * The only SQL that writes the `groups` and `memberships` tables: SqliteGroupStore runs it, and
 * SqliteAccountStore runs the inserts inside the transactions that enrol people. Each function
 * runs inside the caller's read or write.
 */

/** Each group's member ids, by group id (one group, or all). */
function membersByGroup(q: SqliteQueries, groupId: GroupId | null): Map<string, UserId[]> {
  const rows = q.all<{ key: string; id: string }>(
    'SELECT group_id AS key, user_id AS id FROM memberships WHERE ? IS NULL OR group_id = ? ORDER BY group_id, user_id',
    groupId,
    groupId,
  );
  return idsByKey(rows, parseUserId);
}

/** The group with its members; null when there is none. */
export function groupById(q: SqliteQueries, id: GroupId): Group | null {
  const row = q.get<GroupRow>('SELECT * FROM groups WHERE id = ?', id);
  return row === undefined ? null : toGroup(row, membersByGroup(q, id));
}

/** Every group with its members, ordered by name. */
export function allGroups(q: SqliteQueries): Group[] {
  const members = membersByGroup(q, null);
  return q.all<GroupRow>('SELECT * FROM groups ORDER BY name').flatMap((row) => toGroup(row, members) ?? []);
}

/** The id of the group with this name; null when there is none. */
export function groupIdByName(q: SqliteQueries, name: string): GroupId | null {
  const row = q.get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
  return row === undefined ? null : parseGroupId(row.id);
}

/** Throws WorkspaceConflictError when another group than `exceptId` has this name. */
export function assertGroupNameFree(q: SqliteQueries, name: string, exceptId: GroupId | null): void {
  const row = q.get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
  if (row !== undefined && row.id !== exceptId) {
    throw new WorkspaceConflictError('group_name', [name]);
  }
}

/** Inserts a group whose name the caller checked is free. */
export function insertGroup(q: SqliteQueries, group: NewGroup): void {
  q.run('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', group.id, group.name, group.createdAt);
}

/** Renames a group whose new name the caller checked is free. */
export function renameGroupRow(q: SqliteQueries, id: GroupId, name: string): void {
  q.run('UPDATE groups SET name = ? WHERE id = ?', name, id);
}

/** Makes a person a member (no change when already one). */
export function addMembership(q: SqliteQueries, groupId: GroupId, userId: UserId): void {
  q.run('INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?, ?)', groupId, userId);
}

/** Ends a membership (no change when there is none). */
export function removeMembership(q: SqliteQueries, groupId: GroupId, userId: UserId): void {
  q.run('DELETE FROM memberships WHERE group_id = ? AND user_id = ?', groupId, userId);
}

/** The groups a person belongs to, by id. */
export function groupIdsOfUser(q: SqliteQueries, userId: UserId | string): GroupId[] {
  return q
    .all<{ group_id: string }>('SELECT group_id FROM memberships WHERE user_id = ? ORDER BY group_id', userId)
    .flatMap((m) => parseGroupId(m.group_id) ?? []);
}

/** Each account's group ids, by account id. */
export function membershipsByUser(q: SqliteQueries): Map<string, GroupId[]> {
  const rows = q.all<{ key: string; id: string }>(
    'SELECT user_id AS key, group_id AS id FROM memberships ORDER BY user_id, group_id',
  );
  return idsByKey(rows, parseGroupId);
}
