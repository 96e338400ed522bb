import type { Group } from '../../../shared/api/schemas';
import { type GroupId, parseGroupId, parseUserId, type UserId } from '../../../shared/index';
import type { NewGroup } from '../GroupStore';
import { groupBy } from '../rows/rowChecks';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import type { SqliteQueries } from './SqliteQueries';

/**
 * The only SQL that writes the `groups` and `memberships` tables: SqliteGroupStore runs it, and
 * SqliteAccountStore runs the inserts inside the transactions that enrol people. Each function
 * runs inside the caller's read or write.
 */

interface GroupRow {
  id: string;
  name: string;
  created_at: number;
}

/** Each group's member ids, by group id (one group, or all). */
function membersByGroup(q: SqliteQueries, groupId: GroupId | null): Map<string, UserId[]> {
  const rows = q.all<{ group_id: string; user_id: string }>(
    'SELECT group_id, user_id FROM memberships WHERE ? IS NULL OR group_id = ? ORDER BY group_id, user_id',
    groupId,
    groupId,
  );
  return groupBy(
    rows.flatMap((r) => (parseUserId(r.user_id) === null ? [] : [{ key: r.group_id, value: r.user_id as UserId }])),
  );
}

function toGroup(row: GroupRow, members: Map<string, UserId[]>): Group | null {
  const id = parseGroupId(row.id);
  return id === null ? null : { id, name: row.name, createdAt: row.created_at, memberIds: members.get(id) ?? [] };
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
  const rows = q.all<{ group_id: string; user_id: string }>(
    'SELECT group_id, user_id FROM memberships ORDER BY user_id, group_id',
  );
  return groupBy(
    rows.flatMap((r) => (parseGroupId(r.group_id) === null ? [] : [{ key: r.user_id, value: r.group_id as GroupId }])),
  );
}
