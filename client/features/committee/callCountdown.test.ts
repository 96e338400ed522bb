import { describe, expect, it } from 'vitest';
import type { CommitteeSession } from '../../../shared/api/handling';
import { callCountdown } from './callCountdown';
import { committeeMoment, committeeWallTime, formatDeadline } from './committeeTime';

/** A moment on the committee's clock (Asia/Shanghai, UTC+8). */
const at = (date: string, time: string): number => {
  const ms = committeeMoment({ date, time });
  if (ms === null) {
    throw new Error(`unreadable ${date} ${time}`);
  }
  return ms;
};

const session = (change: Partial<CommitteeSession>): CommitteeSession => ({
  id: '00000000-0000-4000-8000-000000000001' as CommitteeSession['id'],
  name: '十五届四次会议',
  callDeadline: null,
  isCurrent: true,
  createdAt: 0,
  ...change,
});

describe('callCountdown', () => {
  const deadline = at('2026-12-31', '17:00');

  it('counts the days left on the committee calendar', () => {
    const countdown = callCountdown([session({ callDeadline: deadline })], at('2026-12-21', '09:00'));
    expect(countdown).toEqual({ state: 'open', sessionName: '十五届四次会议', deadline, daysLeft: 10 });
  });

  it('counts one day left the evening before, even with fewer than 24 hours to go', () => {
    expect(callCountdown([session({ callDeadline: deadline })], at('2026-12-30', '23:30'))).toMatchObject({
      state: 'open',
      daysLeft: 1,
    });
  });

  it('says the call closes today on the last day, until the very minute', () => {
    expect(callCountdown([session({ callDeadline: deadline })], at('2026-12-31', '00:10'))?.state).toBe('today');
    expect(callCountdown([session({ callDeadline: deadline })], deadline - 1)?.state).toBe('today');
  });

  it('says the call is closed from the deadline on', () => {
    expect(callCountdown([session({ callDeadline: deadline })], deadline)?.state).toBe('closed');
    expect(callCountdown([session({ callDeadline: deadline })], at('2027-01-05', '08:00'))?.state).toBe('closed');
  });

  it('follows the current session only, and shows nothing without a deadline', () => {
    const old = session({ name: '十五届三次会议', isCurrent: false, callDeadline: at('2025-12-31', '17:00') });
    expect(callCountdown([old, session({ callDeadline: deadline })], at('2026-12-01', '12:00'))?.sessionName).toBe(
      '十五届四次会议',
    );
    expect(callCountdown([old], at('2026-12-01', '12:00'))).toBeNull();
    expect(callCountdown([old, session({})], at('2026-12-01', '12:00'))).toBeNull();
  });
});

describe('the committee clock', () => {
  it('reads a date and time as Beijing time, whatever the device zone', () => {
    expect(at('2026-12-31', '17:00')).toBe(Date.UTC(2026, 11, 31, 9, 0));
    expect(committeeWallTime(Date.UTC(2026, 11, 31, 16, 30))).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(committeeMoment({ date: '', time: '17:00' })).toBeNull();
  });

  it('words a deadline the way the banner shows it', () => {
    expect(formatDeadline(at('2026-12-31', '17:00'), 'zh-CN')).toBe('12月31日 17:00');
    expect(formatDeadline(at('2026-12-31', '17:00'), 'zh-CN', { withYear: true })).toBe('2026年12月31日 17:00');
  });
});
