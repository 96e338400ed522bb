import type { Group } from '../../../shared/api/schemas';
import { type GroupId, parseGroupId, parseUserId, type UserId } from '../../../shared/index';
import type { NewGroup } from '../GroupStore';
import { type GroupRow, toGroup } from '../rows/groupRows';
import { idsByKey } from '../rows/rowChecks';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import type { PgQueries } from './pgQueries';

/**
 * The only SQL that writes the `groups` and `memberships` tables in PostgreSQL, as
 * sqlite/sqliteGroupRows.ts is in SQLite: PgGroupStore runs it, and PgAccountStore runs the
 * inserts inside the transactions that enrol people. Text is ordered with COLLATE "C" (by code
 * point), as SQLite orders it, whatever the database's default collation.
 */

/** Each group's member ids, by group id (one group, or all). */
async function membersByGroup(q: PgQueries, groupId: GroupId | null): Promise<Map<string, UserId[]>> {
  const rows = await q.all<{ key: string; id: string }>(
    `SELECT group_id AS key, user_id AS id FROM memberships WHERE $1::text IS NULL OR group_id = $1
     ORDER BY group_id COLLATE "C", user_id COLLATE "C"`,
    groupId,
  );
  return idsByKey(rows, parseUserId);
}

/** The group with its members; null when there is none. */
export async function groupById(q: PgQueries, id: GroupId): Promise<Group | null> {
  const row = await q.get<GroupRow>('SELECT * FROM groups WHERE id = $1', id);
  return row === undefined ? null : toGroup(row, await membersByGroup(q, id));
}

/** Every group with its members, ordered by name. */
export async function allGroups(q: PgQueries): Promise<Group[]> {
  const members = await membersByGroup(q, null);
  const rows = await q.all<GroupRow>('SELECT * FROM groups ORDER BY name COLLATE "C"');
  return rows.flatMap((row) => toGroup(row, members) ?? []);
}

/** The id of the group with this name; null when there is none. */
export async function groupIdByName(q: PgQueries, name: string): Promise<GroupId | null> {
  const row = await q.get<{ id: string }>('SELECT id FROM groups WHERE name = $1', name);
  return row === undefined ? null : parseGroupId(row.id);
}

/** Throws WorkspaceConflictError when another group than `exceptId` has this name. */
export async function assertGroupNameFree(q: PgQueries, name: string, exceptId: GroupId | null): Promise<void> {
  const row = await q.get<{ id: string }>('SELECT id FROM groups WHERE name = $1', name);
  if (row !== undefined && row.id !== exceptId) {
    throw new WorkspaceConflictError('group_name', [name]);
  }
}

/** Inserts a group whose name the caller checked is free. */
export async function insertGroup(q: PgQueries, group: NewGroup): Promise<void> {
  await q.run('INSERT INTO groups (id, name, created_at) VALUES ($1, $2, $3)', group.id, group.name, group.createdAt);
}

/** Renames a group whose new name the caller checked is free. */
export async function renameGroupRow(q: PgQueries, id: GroupId, name: string): Promise<void> {
  await q.run('UPDATE groups SET name = $1 WHERE id = $2', name, id);
}

/** Makes a person a member (no change when already one). */
export async function addMembership(q: PgQueries, groupId: GroupId, userId: UserId): Promise<void> {
  await q.run('INSERT INTO memberships (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', groupId, userId);
}

/** Ends a membership (no change when there is none). */
export async function removeMembership(q: PgQueries, groupId: GroupId, userId: UserId): Promise<void> {
  await q.run('DELETE FROM memberships WHERE group_id = $1 AND user_id = $2', groupId, userId);
}

/** The groups a person belongs to, by id. */
export async function groupIdsOfUser(q: PgQueries, userId: UserId | string): Promise<GroupId[]> {
  const rows = await q.all<{ group_id: string }>(
    'SELECT group_id FROM memberships WHERE user_id = $1 ORDER BY group_id COLLATE "C"',
    userId,
  );
  return rows.flatMap((m) => parseGroupId(m.group_id) ?? []);
}

/** Each account's group ids, by account id. */
export async function membershipsByUser(q: PgQueries): Promise<Map<string, GroupId[]>> {
  const rows = await q.all<{ key: string; id: string }>(
    'SELECT user_id AS key, group_id AS id FROM memberships ORDER BY user_id COLLATE "C", group_id COLLATE "C"',
  );
  return idsByKey(rows, parseGroupId);
}
