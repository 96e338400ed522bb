import { describe, expect, it } from 'vitest';
import { dueCallReminder, dueOverdueReminder } from './callReminders';

const DAY = 24 * 60 * 60 * 1000;
const DEADLINE = 100 * DAY;
const session = { id: 's1', callDeadline: DEADLINE };

describe('R1: reminders before a call for proposals closes', () => {
  it('is due 7, 3 and 1 days before, the latest one only, and never after the deadline', () => {
    expect(dueCallReminder(session, DEADLINE - 8 * DAY)).toBeNull();
    expect(dueCallReminder(session, DEADLINE - 7 * DAY)).toEqual({ key: 'call:s1:7', daysLeft: 7 });
    expect(dueCallReminder(session, DEADLINE - 5 * DAY + 1)).toEqual({ key: 'call:s1:7', daysLeft: 5 });
    // The server was down at the 3-day mark: the 3-day reminder is the one due, not a late 7-day one.
    expect(dueCallReminder(session, DEADLINE - 2 * DAY)).toEqual({ key: 'call:s1:3', daysLeft: 2 });
    expect(dueCallReminder(session, DEADLINE - DAY / 2)).toEqual({ key: 'call:s1:1', daysLeft: 1 });
    expect(dueCallReminder(session, DEADLINE)).toBeNull();
    expect(dueCallReminder({ id: 's2', callDeadline: null }, DEADLINE - DAY)).toBeNull();
  });
});

describe('R2: reminders of a late answer', () => {
  it('is due when the deadline passes and once a week after, per round, only while late', () => {
    const late = { docId: 'd1', round: 1, deadline: DEADLINE };
    expect(dueOverdueReminder(late, true, DEADLINE)).toBeNull();
    expect(dueOverdueReminder(late, true, DEADLINE + 1)?.key).toBe('overdue:d1:1:0');
    expect(dueOverdueReminder(late, true, DEADLINE + 6 * DAY)?.key).toBe('overdue:d1:1:0');
    expect(dueOverdueReminder(late, true, DEADLINE + 7 * DAY)?.key).toBe('overdue:d1:1:1');
    expect(dueOverdueReminder({ ...late, round: 2 }, true, DEADLINE + 1)?.key).toBe('overdue:d1:2:0');
    expect(dueOverdueReminder(late, false, DEADLINE + DAY)).toBeNull();
  });
});
