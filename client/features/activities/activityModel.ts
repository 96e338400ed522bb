import type { UserId } from '../../../shared';
import {
  type Activity,
  type ActivityResponse,
  MAX_ACTIVITY_TEXT,
  mayManageActivity,
} from '../../../shared/domain/activities';
import type { CheckInRefusal } from '../../../shared/domain/checkInCode';
import type { Role } from '../../../shared/domain/roles';
import type { OutboxRow } from '../../core/outbox';
import { isCheckInRefusal } from './checkInRefusalText';

/** The activities still to come or under way (soonest first), and those over (latest first). */
export function splitByTime(
  activities: readonly Activity[],
  now: number,
): { readonly upcoming: Activity[]; readonly past: Activity[] } {
  const upcoming = activities.filter((each) => each.endsAt >= now).sort((a, b) => a.startsAt - b.startsAt);
  const past = activities.filter((each) => each.endsAt < now).sort((a, b) => b.startsAt - a.startsAt);
  return { upcoming, past };
}

/** The caller's own answer (参加 or 请假), null before they answered. */
export function responseOf(activity: Activity, userId: UserId): ActivityResponse | null {
  return activity.responses.find((each) => each.userId === userId) ?? null;
}

/** The leave requests the organiser has not decided yet, oldest first. */
export function pendingLeaves(activity: Activity): ActivityResponse[] {
  return activity.responses.filter((each) => each.answer === 'leave' && each.leave === 'pending');
}

/** Whether the caller manages the activity (V2): its organiser or the secretariat. */
export function isManager(me: { readonly id: UserId; readonly role: Role }, activity: Activity): boolean {
  return mayManageActivity(me, activity);
}

/** What is wrong with a leave request's reason before it is sent (the server checks the same). */
export function leaveReasonProblem(reason: string): 'needed' | 'too_long' | null {
  const trimmed = reason.trim();
  if (trimmed === '') {
    return 'needed';
  }
  return trimmed.length > MAX_ACTIVITY_TEXT ? 'too_long' : null;
}

/** Where the organiser's list stands between this device and the server. */
export type ListStatus = 'none' | 'waiting' | 'refused' | 'sent';

export interface AttendanceView {
  /** Who is ticked: the list queued on this device, else the server's attendance. */
  readonly ticked: ReadonlySet<UserId>;
  /** Who checked in by code: attended whatever the list says (V3), their box cannot be unticked. */
  readonly byCode: ReadonlySet<UserId>;
  readonly status: ListStatus;
  /** The server's refusal of the queued list, when `status` is `refused`. */
  readonly refusal: string | null;
  /** The outbox row of the queued list (to retry or dismiss a refusal); null when none waits. */
  readonly rowId: string | null;
}

function rowsOf<Op extends OutboxRow['op']>(rows: readonly OutboxRow[], op: Op, activityId: string) {
  return rows.filter((row): row is Extract<OutboxRow, { op: Op }> => row.op === op && row.docId === activityId);
}

/** The organiser's list of an activity as the page shows it: queued here (ticked offline), or sent. */
export function attendanceViewOf(activity: Activity, rows: readonly OutboxRow[]): AttendanceView {
  const byCode = new Set(
    activity.attendance.filter((entry) => entry.via === 'code' && entry.presence === 'attended').map((e) => e.userId),
  );
  const queued = rowsOf(rows, 'attendance', activity.id).at(-1);
  if (queued !== undefined) {
    return {
      ticked: new Set([...queued.payload.attendedIds, ...byCode]),
      byCode,
      status: queued.isRefused ? 'refused' : 'waiting',
      refusal: queued.isRefused ? (queued.lastError?.message ?? null) : null,
      rowId: String(queued.seq),
    };
  }
  const attended = activity.attendance.filter((entry) => entry.presence === 'attended').map((entry) => entry.userId);
  const isSent = activity.attendance.some((entry) => entry.via === 'list');
  return { ticked: new Set(attended), byCode, status: isSent ? 'sent' : 'none', refusal: null, rowId: null };
}

/** The list with one invitee ticked or unticked, in the invitees' order. */
export function toggledList(activity: Activity, ticked: ReadonlySet<UserId>, userId: UserId): UserId[] {
  const next = new Set(ticked);
  if (next.has(userId)) {
    next.delete(userId);
  } else {
    next.add(userId);
  }
  return activity.inviteeIds.filter((each) => next.has(each));
}

export type CheckInView =
  | { readonly status: 'none' }
  | { readonly status: 'waiting' }
  | { readonly status: 'done'; readonly via: 'list' | 'code' }
  | {
      readonly status: 'refused';
      /** The server's reason (`CheckInRefusal`) when it gave one, else null and `message` says it. */
      readonly reason: CheckInRefusal | null;
      readonly message: string;
      readonly rowId: string;
    };

/** Where the caller's check-in to an activity stands: recorded, queued here, refused, or not asked. */
export function checkInViewOf(
  activityId: string,
  activity: Activity | null,
  rows: readonly OutboxRow[],
  userId: UserId,
): CheckInView {
  const entry = activity?.attendance.find((each) => each.userId === userId && each.presence === 'attended');
  if (entry !== undefined) {
    return { status: 'done', via: entry.via };
  }
  const queued = rowsOf(rows, 'checkIn', activityId).at(-1);
  if (queued === undefined) {
    return { status: 'none' };
  }
  return queued.isRefused
    ? {
        status: 'refused',
        reason: isCheckInRefusal(queued.lastError?.reason) ? queued.lastError.reason : null,
        message: queued.lastError?.message ?? '',
        rowId: String(queued.seq),
      }
    : { status: 'waiting' };
}

/** The app's address a code's QR image carries: the camera opens it, the check-in page takes the code. */
export function checkInUrl(origin: string, activityId: string, code: string): string {
  return `${origin}/check-in/${encodeURIComponent(activityId)}?code=${encodeURIComponent(code)}`;
}

/** A code as typed or pasted: the code itself, or the whole check-in address it came in. */
export function codeFromInput(text: string): string {
  const trimmed = text.trim();
  const query = trimmed.indexOf('?');
  if (query === -1) {
    return trimmed;
  }
  return new URLSearchParams(trimmed.slice(query + 1)).get('code')?.trim() ?? '';
}
