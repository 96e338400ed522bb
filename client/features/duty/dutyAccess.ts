import { Action, type Actor, can, Role } from '../../../shared/index';

/** 我的履职 is a committee member's (a convener's too), as the server keeps records (P21); not the office's, a chair's or a unit's. */
export function hasDutyRecord(me: Pick<Actor, 'role'>): boolean {
  return me.role === Role.member || me.role === Role.convener;
}

/**
 * 履职考核 and a member's year (P21): the office and chairs see every member, a convener their
 * groups' members; the server decides again for each member.
 */
export function reviewsDuty(me: Actor): boolean {
  return (
    can(me, Action.viewCommitteeDuty, { type: 'committee' }) ||
    me.groupIds.some((groupId) => can(me, Action.viewDutyRecords, { type: 'group', groupId }))
  );
}

/** The rules panel (考核规则): the office's (P21). */
export function managesDuty(me: Actor): boolean {
  return can(me, Action.manageDuty, { type: 'committee' });
}
