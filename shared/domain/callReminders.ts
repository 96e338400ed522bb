/**
 * When the office's reminders go out (docs/RULES.md R1-R2): before a call for proposals closes,
 * and while a unit's answer is late. Pure, so that a test's clock decides; the server's worker
 * sends each reminder once, across processes, by its key.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before the call's deadline at which the reminders go out. */
export const CALL_REMINDER_DAYS = [7, 3, 1] as const;

/** Days between two reminders of a late answer (催办). */
export const OVERDUE_REMINDER_DAYS = 7;

export interface DueReminder {
  /** Unique per reminder: the worker records it once sent. */
  readonly key: string;
  /** Whole days left before the deadline (rounded up), for the words of the reminder. */
  readonly daysLeft: number;
}

/**
 * R1: the reminder of a session's call due at `now`: the latest of 7, 3 and 1 days before the
 * deadline that has come, while the call is still open; null before the first, after the
 * deadline, or with no deadline. A reminder missed while the server was down is not sent late:
 * only the latest one due is.
 */
export function dueCallReminder(
  session: { readonly id: string; readonly callDeadline: number | null },
  now: number,
): DueReminder | null {
  const { callDeadline } = session;
  if (callDeadline === null || now >= callDeadline) {
    return null;
  }
  const due = CALL_REMINDER_DAYS.filter((days) => now >= callDeadline - days * DAY_MS);
  const latest = due.at(-1);
  if (latest === undefined) {
    return null;
  }
  return { key: `call:${session.id}:${latest}`, daysLeft: Math.ceil((callDeadline - now) / DAY_MS) };
}

/**
 * R2: the reminder of a late case due at `now`: one when the deadline passes, then one a week,
 * for the current round; null while it is not late.
 */
export function dueOverdueReminder(
  handled: { readonly docId: string; readonly round: number; readonly deadline: number | null },
  isLate: boolean,
  now: number,
): DueReminder | null {
  if (!isLate || handled.deadline === null || now <= handled.deadline) {
    return null;
  }
  const weeks = Math.floor((now - handled.deadline) / (OVERDUE_REMINDER_DAYS * DAY_MS));
  return { key: `overdue:${handled.docId}:${handled.round}:${weeks}`, daysLeft: 0 };
}
