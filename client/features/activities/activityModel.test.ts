import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared';
import type { Activity } from '../../../shared/domain/activities';
import type { DocId } from '../../../shared/domain/ids';
import type { OutboxRow } from '../../core/outbox';
import {
  attendanceViewOf,
  checkInUrl,
  checkInViewOf,
  codeFromInput,
  leaveReasonProblem,
  pendingLeaves,
  splitByTime,
  toggledList,
} from './activityModel';

const HOUR = 3_600_000;
const zhang = 'u-zhang' as UserId;
const li = 'u-li' as UserId;
const wang = 'u-wang' as UserId;
const ACTIVITY_ID = '6f1c3a52-8b0e-4c1d-9a57-2f4e6b8d0c13';

function activity(change: Partial<Activity> = {}): Activity {
  return {
    id: ACTIVITY_ID,
    kind: 'inspection',
    title: '乡村养老服务视察',
    place: '河口镇',
    startsAt: 10 * HOUR,
    endsAt: 13 * HOUR,
    groupId: null,
    organizerId: zhang,
    inviteeIds: [zhang, li, wang],
    responses: [],
    attendance: [],
    createdAt: 0,
    version: 1,
    ...change,
  };
}

function row(op: 'attendance' | 'checkIn', payload: unknown, change: Partial<OutboxRow> = {}): OutboxRow {
  return {
    seq: 7,
    docId: ACTIVITY_ID as DocId,
    userId: zhang,
    op,
    payload,
    createdAt: 0,
    attempts: 0,
    lastError: null,
    isRefused: false,
    ...change,
  } as OutboxRow;
}

describe('the activities page model', () => {
  it('lists coming activities soonest first and past ones latest first', () => {
    const soon = activity({ id: 'a', startsAt: 20 * HOUR, endsAt: 21 * HOUR });
    const later = activity({ id: 'b', startsAt: 30 * HOUR, endsAt: 31 * HOUR });
    const old = activity({ id: 'c', startsAt: 1 * HOUR, endsAt: 2 * HOUR });
    const older = activity({ id: 'd', startsAt: 0, endsAt: 1 * HOUR });
    const { upcoming, past } = splitByTime([later, older, soon, old], 5 * HOUR);
    expect(upcoming.map((each) => each.id)).toEqual(['a', 'b']);
    expect(past.map((each) => each.id)).toEqual(['c', 'd']);
  });

  it('V1: a leave request needs a reason of at most 200 characters', () => {
    expect(leaveReasonProblem('  ')).toBe('needed');
    expect(leaveReasonProblem('出'.repeat(201))).toBe('too_long');
    expect(leaveReasonProblem(' 出差 ')).toBeNull();
  });

  it('V2: the organiser sees only the leave requests not yet decided', () => {
    const asked = activity({
      responses: [
        { userId: li, answer: 'leave', reason: '出差', at: 1, leave: 'pending' },
        { userId: wang, answer: 'leave', reason: '开会', at: 2, leave: 'approved' },
        { userId: zhang, answer: 'attend', reason: null, at: 3, leave: null },
      ],
    });
    expect(pendingLeaves(asked).map((each) => each.userId)).toEqual([li]);
  });

  it('V3: shows the list queued on the device over the server’s, and who checked in by code stays ticked', () => {
    const byCode = activity({ attendance: [{ userId: wang, presence: 'attended', via: 'code', at: 1 }] });
    const queued = attendanceViewOf(byCode, [row('attendance', { attendedIds: [li] })]);
    expect([...queued.ticked].sort()).toEqual([li, wang].sort());
    expect(queued.status).toBe('waiting');
    expect(queued.rowId).toBe('7');
    expect(attendanceViewOf(byCode, []).status).toBe('none');
    const sent = activity({
      attendance: [
        { userId: li, presence: 'attended', via: 'list', at: 2 },
        { userId: zhang, presence: 'absent', via: 'list', at: 2 },
      ],
    });
    const view = attendanceViewOf(sent, []);
    expect(view.status).toBe('sent');
    expect([...view.ticked]).toEqual([li]);
  });

  it('V3: a refused list says why, and ticking builds the list in the invitees’ order', () => {
    const refused = row(
      'attendance',
      { attendedIds: [li] },
      {
        isRefused: true,
        lastError: { status: 409, code: 'conflict', message: 'not invited' },
      },
    );
    const view = attendanceViewOf(activity(), [refused]);
    expect(view).toMatchObject({ status: 'refused', refusal: 'not invited' });
    expect(toggledList(activity(), new Set([wang]), zhang)).toEqual([zhang, wang]);
    expect(toggledList(activity(), new Set([wang, zhang]), wang)).toEqual([zhang]);
  });

  it('C1-C3: a check-in waits on the device, is refused with the server’s reason, or is recorded', () => {
    expect(checkInViewOf(ACTIVITY_ID, null, [], li)).toEqual({ status: 'none' });
    expect(checkInViewOf(ACTIVITY_ID, null, [row('checkIn', { code: 'x' })], li)).toEqual({ status: 'waiting' });
    const refused = row(
      'checkIn',
      { code: 'x' },
      {
        isRefused: true,
        lastError: { status: 400, code: 'bad_request', message: 'refused (forged)', reason: 'forged' },
      },
    );
    expect(checkInViewOf(ACTIVITY_ID, null, [refused], li)).toMatchObject({ status: 'refused', reason: 'forged' });
    const done = activity({ attendance: [{ userId: li, presence: 'attended', via: 'code', at: 1 }] });
    expect(checkInViewOf(ACTIVITY_ID, done, [refused], li)).toEqual({ status: 'done', via: 'code' });
  });

  it('reads a code typed alone or pasted with its whole check-in address', () => {
    const url = checkInUrl('https://jianyan.example', ACTIVITY_ID, `${ACTIVITY_ID}.30000.abc_-`);
    expect(url).toBe(`https://jianyan.example/check-in/${ACTIVITY_ID}?code=${ACTIVITY_ID}.30000.abc_-`);
    expect(codeFromInput(` ${url} `)).toBe(`${ACTIVITY_ID}.30000.abc_-`);
    expect(codeFromInput(' abc.1.def ')).toBe('abc.1.def');
  });
});
