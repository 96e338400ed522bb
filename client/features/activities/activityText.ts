import { COMMITTEE_TIME_ZONE } from '../../../shared';
import { committeeDayNumber, formatDeadline } from '../committee/committeeTime';

/** "12月31日 09:00" to "11:30" the same day, or to "1月2日 17:00": on the committee's clock. */
export function timeRangeParts(
  startsAt: number,
  endsAt: number,
  locale: string,
): { readonly start: string; readonly end: string } {
  const start = formatDeadline(startsAt, locale);
  const isSameDay = committeeDayNumber(startsAt) === committeeDayNumber(endsAt);
  const end = isSameDay
    ? new Intl.DateTimeFormat(locale, {
        timeZone: COMMITTEE_TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(endsAt)
    : formatDeadline(endsAt, locale);
  return { start, end };
}
