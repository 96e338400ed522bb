import type { CommitteeSession } from '../../../shared/api/handling';
import { committeeDayNumber } from './committeeTime';

/**
 * Where the current session's call for proposals stands: open with whole days left (counted on
 * the committee's calendar, so "还剩 1 天" means it closes tomorrow), closing today, or closed.
 */
export type CallCountdown =
  | { readonly state: 'open'; readonly sessionName: string; readonly deadline: number; readonly daysLeft: number }
  | { readonly state: 'today'; readonly sessionName: string; readonly deadline: number }
  | { readonly state: 'closed'; readonly sessionName: string; readonly deadline: number };

/** The countdown for the current session's call; null when there is no current session or no deadline. */
export function callCountdown(sessions: readonly CommitteeSession[], now: number): CallCountdown | null {
  const current = sessions.find((session) => session.isCurrent);
  if (current === undefined || current.callDeadline === null) {
    return null;
  }
  const { name: sessionName, callDeadline: deadline } = current;
  if (deadline <= now) {
    return { state: 'closed', sessionName, deadline };
  }
  const daysLeft = committeeDayNumber(deadline) - committeeDayNumber(now);
  return daysLeft <= 0 ? { state: 'today', sessionName, deadline } : { state: 'open', sessionName, deadline, daysLeft };
}
