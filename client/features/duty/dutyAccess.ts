import type { Me } from '../../../shared/api/schemas';
import { Role } from '../../../shared/index';

/** 我的履职 is every member's, whatever their role; a handling unit's account has no duty record. */
export function hasDutyRecord(me: Pick<Me, 'role'>): boolean {
  return me.role !== Role.unit;
}

/**
 * 履职考核 and a member's year are for conveners (their groups' members), the secretariat and chairs;
 * the server decides again which members each may read.
 */
export function reviewsDuty(me: Pick<Me, 'role'>): boolean {
  return me.role === Role.convener || me.role === Role.secretariat || me.role === Role.chair;
}
