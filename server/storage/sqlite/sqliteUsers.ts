import { randomUUID } from 'node:crypto';
import type { GroupId, UserId } from '../../../shared/index';
import type { NewUser, RosterPlan, UserRecord } from '../AccountStore';
import { toUserRecord, type UserRow } from '../rows/accountRows';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import type { SqliteQueries } from './SqliteQueries';
import { addMembership, groupIdByName, groupIdsOfUser, insertGroup, membershipsByUser } from './sqliteGroupRows';

/**
 * The only SQL that writes the `users` table, run by SqliteAccountStore, enrolment included: an
 * account is created with its memberships (and a roster with its groups) in the caller's
 * transaction, through the group tables' own functions (sqliteGroupRows). Each function runs
 * inside the caller's read or write.
 */

/** Creates an account with its memberships; throws WorkspaceConflictError when the username is taken. */
export function insertUser(q: SqliteQueries, user: NewUser): UserRecord {
  if (q.get('SELECT 1 FROM users WHERE username = ?', user.username) !== undefined) {
    throw new WorkspaceConflictError('username', [user.username]);
  }
  q.run(
    `INSERT INTO users (id, username, name, role, password_hash, must_change_password, is_active, created_at, unit_id)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    user.id,
    user.username,
    user.name,
    user.role,
    user.passwordHash,
    user.mustChangePassword === true ? 1 : 0,
    user.createdAt,
    user.unitId ?? null,
  );
  for (const groupId of new Set(user.groupIds)) {
    addMembership(q, groupId, user.id);
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
  return row === undefined ? null : toUserRecord(row, groupIdsOfUser(q, row.id));
}

/** Activates or deactivates an account; false when there is none. */
export function setUserActiveRow(q: SqliteQueries, id: UserId, isActive: boolean): boolean {
  return q.run('UPDATE users SET is_active = ? WHERE id = ?', isActive ? 1 : 0, id).changes > 0;
}

/** Replaces an account's password hash and whether it must be changed at the next sign-in. */
export function setPasswordRow(q: SqliteQueries, id: UserId, passwordHash: string, mustChange: boolean): void {
  q.run(
    'UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?',
    passwordHash,
    mustChange ? 1 : 0,
    id,
  );
}

/** Every account with its groups, ordered by username. */
export function allUsers(q: SqliteQueries): UserRecord[] {
  const memberships = membershipsByUser(q);
  return q
    .all<UserRow>('SELECT * FROM users ORDER BY username')
    .map((row) => toUserRecord(row, memberships.get(row.id) ?? []));
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
  const groupIdByPlanName = new Map<string, GroupId>();
  for (const name of new Set([...plan.groupNames, ...plan.accounts.flatMap((a) => a.groupNames)])) {
    const existing = groupIdByName(q, name);
    const id = existing ?? (randomUUID() as GroupId);
    if (existing === null) {
      insertGroup(q, { id, name, createdAt: now });
      createdGroups.push(name);
    }
    groupIdByPlanName.set(name, id);
  }
  for (const account of plan.accounts) {
    const groupIds = account.groupNames.flatMap((name) => groupIdByPlanName.get(name) ?? []);
    insertUser(q, { ...account, id: randomUUID() as UserId, mustChangePassword: true, createdAt: now, groupIds });
  }
  return { createdGroups };
}
