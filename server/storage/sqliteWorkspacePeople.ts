import { randomUUID } from 'node:crypto';
import type { Group } from '../../shared/api/schemas';
import { type GroupId, parseGroupId, parseUserId, type UserId } from '../../shared/index';
import type { SqliteQueries } from './SqliteQueries';
import { groupBy, toUserRecord, type UserRow } from './sqliteWorkspaceRows';
import { type NewUser, type RosterPlan, type UserRecord, WorkspaceConflictError } from './WorkspaceStore';

/**
 * Queries on accounts, groups and memberships shared by several methods of SqliteWorkspaceStore.
 * Each runs inside the caller's read or write.
 */

/** Creates an account with its memberships; throws WorkspaceConflictError when the username is taken. */
export function insertUser(q: SqliteQueries, user: NewUser): UserRecord {
  if (q.get('SELECT 1 FROM users WHERE username = ?', user.username) !== undefined) {
    throw new WorkspaceConflictError('username', [user.username]);
  }
  q.run(
    `INSERT INTO users (id, username, name, role, password_hash, must_change_password, is_active, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    user.id,
    user.username,
    user.name,
    user.role,
    user.passwordHash,
    user.mustChangePassword === true ? 1 : 0,
    user.createdAt,
  );
  for (const groupId of new Set(user.groupIds)) {
    q.run('INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?, ?)', groupId, user.id);
  }
  const created = userWhere(q, 'id = ?', user.id);
  if (created === null) {
    throw new Error(`Cannot create account ${user.username}: it is not there after the insert`);
  }
  return created;
}

/** The account matching `condition`, with its groups; null when there is none. */
export function userWhere(q: SqliteQueries, condition: 'id = ?' | 'username = ?', value: string): UserRecord | null {
  const row = q.get<UserRow>(`SELECT * FROM users WHERE ${condition}`, value);
  if (row === undefined) {
    return null;
  }
  const groupIds = q
    .all<{ group_id: string }>('SELECT group_id FROM memberships WHERE user_id = ? ORDER BY group_id', row.id)
    .flatMap((m) => parseGroupId(m.group_id) ?? []);
  return toUserRecord(row, groupIds);
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

/** Each group's member ids, by group id. */
export function membersByGroup(q: SqliteQueries): Map<string, UserId[]> {
  const rows = q.all<{ group_id: string; user_id: string }>(
    'SELECT group_id, user_id FROM memberships ORDER BY group_id, user_id',
  );
  return groupBy(
    rows.flatMap((r) => (parseUserId(r.user_id) === null ? [] : [{ key: r.group_id, value: r.user_id as UserId }])),
  );
}

/** The group with its members; null when there is none. */
export function groupById(q: SqliteQueries, id: GroupId): Group | null {
  const row = q.get<{ id: string; name: string; created_at: number }>('SELECT * FROM groups WHERE id = ?', id);
  if (row === undefined) {
    return null;
  }
  const memberIds = q
    .all<{ user_id: string }>('SELECT user_id FROM memberships WHERE group_id = ? ORDER BY user_id', id)
    .flatMap((m) => parseUserId(m.user_id) ?? []);
  return { id, name: row.name, createdAt: row.created_at, memberIds };
}

/** Throws WorkspaceConflictError when another group than `exceptId` has this name. */
export function assertGroupNameFree(q: SqliteQueries, name: string, exceptId: GroupId | null): void {
  const row = q.get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
  if (row !== undefined && row.id !== exceptId) {
    throw new WorkspaceConflictError('group_name', [name]);
  }
}

/** Writes a roster import; to be run inside one write transaction. */
export function applyRosterPlan(q: SqliteQueries, plan: RosterPlan, now: number): { createdGroups: string[] } {
  const taken = plan.accounts
    .map((account) => account.username)
    .filter((username) => q.get('SELECT 1 FROM users WHERE username = ?', username) !== undefined);
  if (taken.length > 0) {
    throw new WorkspaceConflictError('username', taken);
  }
  const createdGroups: string[] = [];
  const groupIdByName = new Map<string, GroupId>();
  for (const name of new Set([...plan.groupNames, ...plan.accounts.flatMap((a) => a.groupNames)])) {
    const row = q.get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
    const existing = row === undefined ? null : parseGroupId(row.id);
    const id = existing ?? (randomUUID() as GroupId);
    if (existing === null) {
      q.run('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', id, name, now);
      createdGroups.push(name);
    }
    groupIdByName.set(name, id);
  }
  for (const account of plan.accounts) {
    const groupIds = account.groupNames.flatMap((name) => groupIdByName.get(name) ?? []);
    insertUser(q, {
      ...account,
      id: randomUUID() as UserId,
      mustChangePassword: true,
      createdAt: now,
      groupIds,
    });
  }
  return { createdGroups };
}
