import { Action, type Actor, can, Denial, type UserId } from '../../shared/index';
import { refusalMessage } from '../auth/refusalMessage';
import { ReviewError } from '../review/ReviewError';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import { keepsDutyRecord } from './committeeDuty';

/**
 * P21: the member whose record `actor` asks for, when `action` on one of the member's groups
 * (or the committee-wide view) allows it. A member the caller may not see is not found, so that
 * the answer does not tell who keeps a record.
 */
export async function memberFor(
  deps: { readonly accounts: Pick<AccountStore, 'getUser'> },
  actor: Actor,
  userId: UserId,
  action: typeof Action.viewDutyRecords | typeof Action.confirmDutyForm,
): Promise<UserRecord> {
  const member = await deps.accounts.getUser(userId);
  const sees =
    member !== null &&
    keepsDutyRecord(member) &&
    (can(actor, Action.viewCommitteeDuty, { type: 'committee' }) ||
      member.groupIds.some((groupId) => can(actor, Action.viewDutyRecords, { type: 'group', groupId })));
  if (member === null || !sees) {
    throw new ReviewError('not_found', `No duty record of ${userId} you may see`);
  }
  if (
    action === Action.confirmDutyForm &&
    !member.groupIds.some((groupId) => can(actor, action, { type: 'group', groupId }))
  ) {
    throw new ReviewError('forbidden', refusalMessage(Denial.role, action), Denial.role);
  }
  return member;
}

/**
 * B2, B5: a member does not confirm, send back, remind or talk to themselves, though a convener
 * reads their own group's records.
 */
export function refuseOwn(actor: Actor, member: UserRecord): void {
  if (actor.id === member.id) {
    throw new ReviewError(
      'forbidden',
      'A member’s own duty record is confirmed, sent back, reminded and talked about by others',
      Denial.role,
    );
  }
}

/** Refuses unless `actor` is the office (the secretariat, P21). */
export function requireOffice(actor: Actor): void {
  if (!can(actor, Action.manageDuty, { type: 'committee' })) {
    throw new ReviewError('forbidden', refusalMessage(Denial.role, Action.manageDuty), Denial.role);
  }
}
