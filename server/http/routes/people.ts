import type { Hono } from 'hono';
import { updatePersonRequestSchema, userIdSchema } from '../../../shared/api/schemas';
import { Action, type Actor, type GroupId, Role, type UserId } from '../../../shared/index';
import { resetPassword } from '../../auth/resetPassword';
import type { UserRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import { toPerson } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { assertGroupsExist } from '../assertGroupsExist';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** The person the path names, once the asker is known to be allowed to manage people. */
async function managedPerson(deps: ApiDeps, actor: Actor, rawId: string): Promise<UserRecord> {
  const id = param(userIdSchema, rawId, 'id');
  permit(actor, Action.managePeople, { type: 'committee' });
  const person = await deps.accounts.getUser(id);
  if (person === null) {
    throw ApiError.notFound(`No person ${id}`);
  }
  return person;
}

/** Refuses what would leave the secretariat without the asker: they would lock themselves out. */
function refuseSelfLockout(actorId: UserId, person: UserRecord, change: { isActive?: boolean; role?: Role }): void {
  if (person.id !== actorId) {
    return;
  }
  if (change.isActive === false) {
    throw ApiError.conflict('You cannot deactivate your own account: ask another member of the secretariat');
  }
  if (change.role !== undefined && change.role !== Role.secretariat) {
    throw ApiError.conflict(
      'You cannot take the secretariat role from yourself: ask another member of the secretariat',
    );
  }
}

/** Makes the person's groups exactly `groupIds`; every group must exist. */
async function replaceGroups(deps: ApiDeps, person: UserRecord, groupIds: readonly GroupId[]): Promise<void> {
  await assertGroupsExist(deps, groupIds);
  const wanted = new Set(groupIds);
  for (const groupId of person.groupIds.filter((id) => !wanted.has(id))) {
    await deps.groups.removeMember(groupId, person.id);
  }
  for (const groupId of [...wanted].filter((id) => !person.groupIds.includes(id))) {
    await deps.groups.addMember(groupId, person.id);
  }
}

/**
 * A handling unit's account is made by an invitation that names its unit (P16): no account
 * becomes one by a role change, none leaves it for another role, and it joins no group.
 */
function refuseUnitRoleChange(person: UserRecord, change: { role?: Role; groupIds?: readonly unknown[] }): void {
  if (
    change.role !== undefined &&
    change.role !== person.role &&
    (change.role === Role.unit || person.role === Role.unit)
  ) {
    throw ApiError.conflict(
      'A handling unit’s account is made by inviting it with its unit, and keeps that role: invite a new account instead',
    );
  }
  if (person.role === Role.unit && change.groupIds !== undefined && change.groupIds.length > 0) {
    throw ApiError.conflict('A handling unit’s account joins no group: it reads the proposals handed to its unit');
  }
}

/**
 * The secretariat's management of accounts: `PATCH /api/people/:id` (active or not, role,
 * groups) and `POST /api/people/:id/reset-password`. Each needs `manage_people`.
 */
export function registerPeopleRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.patch('/people/:id', auth, jsonBody(updatePersonRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const person = await managedPerson(deps, actor, c.req.param('id'));
    const { isActive, role, groupIds } = c.get('body');
    refuseSelfLockout(actor.id, person, { isActive, role });
    refuseUnitRoleChange(person, { role, groupIds });
    if (groupIds !== undefined) {
      await replaceGroups(deps, person, groupIds);
    }
    if (role !== undefined && role !== person.role) {
      await deps.accounts.setUserRole(person.id, role);
    }
    if (isActive !== undefined && isActive !== person.isActive) {
      // Deactivating ends the sessions.
      await deps.accounts.setUserActive(person.id, isActive);
    }
    // The relay decides again what the person's live connections (API tokens included) may do.
    await deps.onAccessChanged({ userId: person.id });
    deps.logger.info('account changed', { userId: person.id, by: actor.id, isActive, role, groups: groupIds?.length });
    const changed = await deps.accounts.getUser(person.id);
    if (changed === null) {
      throw ApiError.notFound(`No person ${person.id}`);
    }
    return c.json(toPerson(changed));
  });

  api.post('/people/:id/reset-password', auth, async (c) => {
    const { actor } = c.get('auth');
    const person = await managedPerson(deps, actor, c.req.param('id'));
    if (person.id === actor.id) {
      throw ApiError.conflict('You cannot reset your own password here: change it in your settings');
    }
    const outcome = await resetPassword(person.id, {
      accounts: deps.accounts,
      hashOneTimePassword: (password) => deps.passwords.hashOneTimePassword(password),
      now: deps.now(),
    });
    // Their sessions and tokens are gone: this closes what they have open.
    await deps.onAccessChanged({ userId: person.id });
    deps.logger.info('password reset', { userId: person.id, by: actor.id, revokedApiTokens: outcome.revokedApiTokens });
    return c.json({ ...outcome, person: toPerson(person) });
  });
}
