import { describe, expect, it } from 'vitest';
import { type Activity, attendanceFacts, checkIn, decideLeave, recordAttendance, respond } from './activities';
import type { UserId } from './ids';

const ORGANIZER = 'o' as UserId;
const ZHANG = 'z' as UserId;
const LI = 'l' as UserId;
const WANG = 'w' as UserId;
const HOUR = 3_600_000;

const activity: Activity = {
  id: 'a1',
  kind: 'inspection',
  title: '乡村养老服务视察',
  place: '河口镇',
  startsAt: 10 * HOUR,
  endsAt: 13 * HOUR,
  groupId: null,
  organizerId: ORGANIZER,
  inviteeIds: [ZHANG, LI, WANG],
  responses: [],
  attendance: [],
  createdAt: 0,
  version: 1,
};

function apply(change: ReturnType<typeof respond>): Activity {
  if (!change.ok) {
    throw new Error(change.refusal);
  }
  return change.next;
}

describe('an activity (V1-V5)', () => {
  it('takes 参加 or 请假 with a reason from invitees until it ends; the organiser decides leave', () => {
    expect(respond(activity, ORGANIZER, { answer: 'attend' }, HOUR)).toEqual({ ok: false, refusal: 'not_invited' });
    expect(respond(activity, ZHANG, { answer: 'leave', reason: ' ' }, HOUR)).toEqual({
      ok: false,
      refusal: 'reason_needed',
    });
    expect(respond(activity, ZHANG, { answer: 'attend' }, 14 * HOUR)).toEqual({ ok: false, refusal: 'over' });
    let next = apply(respond(activity, ZHANG, { answer: 'attend' }, HOUR));
    next = apply(respond(next, LI, { answer: 'leave', reason: '出差' }, HOUR));
    expect(decideLeave(next, ZHANG, true)).toEqual({ ok: false, refusal: 'no_leave_asked' });
    next = apply(decideLeave(next, LI, true));
    expect(next.responses.map((r) => [r.userId, r.answer, r.leave])).toEqual([
      [ZHANG, 'attend', null],
      [LI, 'leave', 'approved'],
    ]);
    expect(next.version).toBe(4);
  });

  it('records the organiser’s list: ticked attended, approved leave excused, the rest absent; a code check-in stays', () => {
    let next = apply(respond(activity, LI, { answer: 'leave', reason: '出差' }, HOUR));
    next = apply(decideLeave(next, LI, true));
    next = apply(checkIn(next, WANG, 10 * HOUR + 5 * 60_000));
    // Checking in twice changes nothing.
    expect(checkIn(next, WANG, 11 * HOUR)).toEqual({ ok: true, next });
    next = apply(recordAttendance(next, [ZHANG], 20 * HOUR));
    expect(next.attendance.map((e) => [e.userId, e.presence, e.via])).toEqual([
      [ZHANG, 'attended', 'list'],
      [LI, 'excused', 'list'],
      [WANG, 'attended', 'code'],
    ]);
    expect(recordAttendance(next, [ORGANIZER], 20 * HOUR)).toEqual({ ok: false, refusal: 'not_invitees' });
    expect(
      attendanceFacts(next).map((f) => (f.kind === 'attendance' ? [f.userId, f.activityKind, f.presence] : null)),
    ).toEqual([
      [ZHANG, 'inspection', 'attended'],
      [LI, 'inspection', 'excused'],
      [WANG, 'inspection', 'attended'],
    ]);
  });
});
