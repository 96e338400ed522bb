import { randomUUID } from 'node:crypto';
import type { GroupId, Role, UserId } from '../../../shared/index';
import type { NewUser, RosterPlan, UserRecord } from '../AccountStore';
import { toUserRecord, type UserRow } from '../rows/accountRows';
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import { addMembership, groupIdByName, groupIdsOfUser, insertGroup, membershipsByUser } from './pgGroupRows';
import type { PgQueries } from './pgQueries';

/**
 * The only SQL that writes the `users` table in PostgreSQL, as sqlite/sqliteUsers.ts is in
 * SQLite, run by PgAccountStore, enrolment included: an account is created with its memberships
 * (and a roster with its groups) in the caller's transaction, through pgGroupRows. The callers'
 * writes hold the records lock, so a username checked free stays free until the insert.
 */

async function isUsernameTaken(q: PgQueries, username: string): Promise<boolean> {
  return (await q.get('SELECT 1 FROM users WHERE username = $1', username)) !== undefined;
}

/** Creates an account with its memberships; throws WorkspaceConflictError when the username is taken. */
export async function insertUser(q: PgQueries, user: NewUser): Promise<UserRecord> {
  if (await isUsernameTaken(q, user.username)) {
    throw new WorkspaceConflictError('username', [user.username]);
  }
  await q.run(
    `INSERT INTO users (id, username, name, role, password_hash, must_change_password, is_active, created_at, unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)`,
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
    await addMembership(q, groupId, user.id);
  }
  const created = await userWhere(q, 'id', user.id);
  if (created === null) {
    throw new Error(`Cannot create account ${user.username}: it is not there after the insert`);
  }
  return created;
}

/** The account whose `column` is `value`, with its groups; null when there is none. */
export async function userWhere(q: PgQueries, column: 'id' | 'username', value: string): Promise<UserRecord | null> {
  const row = await q.get<UserRow>(`SELECT * FROM users WHERE ${column} = $1`, value);
  return row === undefined ? null : toUserRecord(row, await groupIdsOfUser(q, row.id));
}

/** Activates or deactivates an account; false when there is none. */
export async function setUserActiveRow(q: PgQueries, id: UserId, isActive: boolean): Promise<boolean> {
  return (await q.run('UPDATE users SET is_active = $1 WHERE id = $2', isActive ? 1 : 0, id)) > 0;
}

/** Replaces an account's password hash and whether it must be changed at the next sign-in. */
export async function setPasswordRow(
  q: PgQueries,
  id: UserId,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await q.run(
    'UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3',
    passwordHash,
    mustChange ? 1 : 0,
    id,
  );
}

/** Changes an account's role; false when there is none. */
export async function setRoleRow(q: PgQueries, id: UserId, role: Role): Promise<boolean> {
  return (await q.run('UPDATE users SET role = $1 WHERE id = $2', role, id)) > 0;
}

/** Every account with its groups, ordered by username (by code point, as SQLite orders it). */
export async function allUsers(q: PgQueries): Promise<UserRecord[]> {
  const memberships = await membershipsByUser(q);
  const rows = await q.all<UserRow>('SELECT * FROM users ORDER BY username COLLATE "C"');
  return rows.map((row) => toUserRecord(row, memberships.get(row.id) ?? []));
}

/** Writes a roster import; to be run inside one write transaction. */
export async function applyRosterPlan(
  q: PgQueries,
  plan: RosterPlan,
  now: number,
): Promise<{ createdGroups: string[] }> {
  const taken: string[] = [];
  for (const account of plan.accounts) {
    if (await isUsernameTaken(q, account.username)) {
      taken.push(account.username);
    }
  }
  if (taken.length > 0) {
    throw new WorkspaceConflictError('username', taken);
  }
  const createdGroups: string[] = [];
  const groupIdByPlanName = new Map<string, GroupId>();
  for (const name of new Set([...plan.groupNames, ...plan.accounts.flatMap((a) => a.groupNames)])) {
    const existing = await groupIdByName(q, name);
    const id = existing ?? (randomUUID() as GroupId);
    if (existing === null) {
      await insertGroup(q, { id, name, createdAt: now });
      createdGroups.push(name);
    }
    groupIdByPlanName.set(name, id);
  }
  for (const account of plan.accounts) {
    const groupIds = account.groupNames.flatMap((name) => groupIdByPlanName.get(name) ?? []);
    await insertUser(q, { ...account, id: randomUUID() as UserId, mustChangePassword: true, createdAt: now, groupIds });
  }
  return { createdGroups };
}
