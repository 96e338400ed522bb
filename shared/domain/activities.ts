import type { ActivityKind, DutyFact } from './dutyScoring';
import type { GroupId, UserId } from './ids';
import { Role } from './roles';

/**
 * Activities (会议与活动, docs/RULES.md V1-V5): invitees answer 参加 or 请假, the organiser
 * approves leave and records who came, members may check themselves in by code. Pure rules on
 * one activity, stored whole with a version every change bumps; attendance gives the ledger its
 * facts (`attendanceFacts`).
 */

export const MAX_INVITEES = 500;
export const MAX_ACTIVITY_TEXT = 200;
/** The check-in opens this long before an activity starts and closes this long after it ends. */
export const CHECK_IN_MARGIN_MS = 60 * 60 * 1000;

export interface ActivityResponse {
  readonly userId: UserId;
  readonly answer: 'attend' | 'leave';
  readonly reason: string | null;
  readonly at: number;
  /** A leave request's decision by the organiser; null for 参加. */
  readonly leave: 'pending' | 'approved' | 'refused' | null;
}

export interface AttendanceEntry {
  readonly userId: UserId;
  readonly presence: 'attended' | 'excused' | 'absent';
  /** The organiser's list, or the member's own check-in by code. */
  readonly via: 'list' | 'code';
  readonly at: number;
}

export interface Activity {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly title: string;
  readonly place: string;
  readonly startsAt: number;
  readonly endsAt: number;
  /** The organising group (谁组织谁记录); null for the committee's own meetings. */
  readonly groupId: GroupId | null;
  readonly organizerId: UserId;
  readonly inviteeIds: readonly UserId[];
  readonly responses: readonly ActivityResponse[];
  /** Empty until the organiser records the list or members check in. */
  readonly attendance: readonly AttendanceEntry[];
  readonly createdAt: number;
  readonly version: number;
}

export const ActivityRefusal = {
  notInvited: 'not_invited',
  over: 'over',
  reasonNeeded: 'reason_needed',
  noLeaveAsked: 'no_leave_asked',
  notInvitees: 'not_invitees',
} as const;
export type ActivityRefusal = (typeof ActivityRefusal)[keyof typeof ActivityRefusal];

export type ActivityChange =
  | { readonly ok: true; readonly next: Activity }
  | { readonly ok: false; readonly refusal: ActivityRefusal };

function changed(current: Activity, patch: Partial<Activity>): ActivityChange {
  return { ok: true, next: { ...current, ...patch, version: current.version + 1 } };
}

/** When members may check in by code: from an hour before the start to an hour after the end (C3). */
export function checkInWindow(activity: Activity): {
  readonly id: string;
  readonly opensAt: number;
  readonly closesAt: number;
} {
  return {
    id: activity.id,
    opensAt: activity.startsAt - CHECK_IN_MARGIN_MS,
    closesAt: activity.endsAt + CHECK_IN_MARGIN_MS,
  };
}

/** V1: an invitee answers 参加, or 请假 with a reason, until the activity ends; a new answer replaces the last. */
export function respond(
  current: Activity,
  userId: UserId,
  answer: { readonly answer: 'attend' } | { readonly answer: 'leave'; readonly reason: string },
  at: number,
): ActivityChange {
  if (!current.inviteeIds.includes(userId)) {
    return { ok: false, refusal: ActivityRefusal.notInvited };
  }
  if (at > current.endsAt) {
    return { ok: false, refusal: ActivityRefusal.over };
  }
  if (answer.answer === 'leave' && answer.reason.trim() === '') {
    return { ok: false, refusal: ActivityRefusal.reasonNeeded };
  }
  const response: ActivityResponse =
    answer.answer === 'leave'
      ? { userId, answer: 'leave', reason: answer.reason.trim(), at, leave: 'pending' }
      : { userId, answer: 'attend', reason: null, at, leave: null };
  return changed(current, { responses: [...current.responses.filter((r) => r.userId !== userId), response] });
}

/** V2: the organiser approves or refuses a leave request. */
export function decideLeave(current: Activity, userId: UserId, approve: boolean): ActivityChange {
  const asked = current.responses.find((response) => response.userId === userId && response.answer === 'leave');
  if (asked === undefined) {
    return { ok: false, refusal: ActivityRefusal.noLeaveAsked };
  }
  const decided: ActivityResponse = { ...asked, leave: approve ? 'approved' : 'refused' };
  return changed(current, {
    responses: current.responses.map((response) => (response === asked ? decided : response)),
  });
}

function leaveApproved(current: Activity, userId: UserId): boolean {
  return current.responses.some((response) => response.userId === userId && response.leave === 'approved');
}

/**
 * V3: the organiser's list (ticked offline, sent later): every invitee ticked attended; one not
 * ticked excused if their leave was approved, else absent. A member who checked in by code stays
 * attended whatever the list says.
 */
export function recordAttendance(current: Activity, attendedIds: readonly UserId[], at: number): ActivityChange {
  if (attendedIds.some((userId) => !current.inviteeIds.includes(userId))) {
    return { ok: false, refusal: ActivityRefusal.notInvitees };
  }
  const byCode = new Set(current.attendance.filter((entry) => entry.via === 'code').map((entry) => entry.userId));
  const attendance = current.inviteeIds.map((userId): AttendanceEntry => {
    if (byCode.has(userId)) {
      return current.attendance.find((entry) => entry.userId === userId && entry.via === 'code') as AttendanceEntry;
    }
    const presence = attendedIds.includes(userId) ? 'attended' : leaveApproved(current, userId) ? 'excused' : 'absent';
    return { userId, presence, via: 'list', at };
  });
  return changed(current, { attendance });
}

/** V4: a member checks in with a code shown during the window (verified before); checking in twice changes nothing. */
export function checkIn(current: Activity, userId: UserId, shownAt: number): ActivityChange {
  if (!current.inviteeIds.includes(userId)) {
    return { ok: false, refusal: ActivityRefusal.notInvited };
  }
  const entry: AttendanceEntry = { userId, presence: 'attended', via: 'code', at: shownAt };
  const others = current.attendance.filter((each) => each.userId !== userId);
  const earlier = current.attendance.find((each) => each.userId === userId && each.via === 'code');
  return earlier === undefined ? changed(current, { attendance: [...others, entry] }) : { ok: true, next: current };
}

/** V5: the ledger's attendance facts of an activity: one per invitee the attendance records. */
export function attendanceFacts(activity: Activity): DutyFact[] {
  return activity.attendance.map((entry) => ({
    id: `${activity.id}:${entry.userId}`,
    userId: entry.userId,
    at: activity.startsAt,
    source: { type: 'activity' as const, id: activity.id },
    kind: 'attendance' as const,
    activityKind: activity.kind,
    presence: entry.presence,
  }));
}

/** V2: who manages an activity (leave, the list, the check-in key): its organiser and the secretariat. */
export function mayManageActivity(actor: { readonly id: UserId; readonly role: Role }, activity: Activity): boolean {
  return actor.id === activity.organizerId || actor.role === Role.secretariat;
}

/** Who sees an activity: its organiser, its invitees, the secretariat and chairs. */
export function maySeeActivity(actor: { readonly id: UserId; readonly role: Role }, activity: Activity): boolean {
  return mayManageActivity(actor, activity) || actor.role === Role.chair || activity.inviteeIds.includes(actor.id);
}
