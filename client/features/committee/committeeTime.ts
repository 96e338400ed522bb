import { COMMITTEE_TIME_ZONE } from '../../../shared';

/** A wall-clock moment in the committee's time zone, as a date and a time input give it. */
export interface CommitteeWallTime {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM`. */
  readonly time: string;
}

const MINUTE_MS = 60_000;

const wallParts = new Intl.DateTimeFormat('en-US', {
  timeZone: COMMITTEE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(ms: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallParts.formatToParts(ms)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return parts;
}

/** How far the committee's clock is ahead of UTC at `ms` (Asia/Shanghai: always 8 hours). */
function zoneOffsetMs(ms: number): number {
  const p = partsOf(ms);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  return asUtc - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** The moment a date and time mean in the committee's time zone, whatever the device's zone; null if unreadable. */
export function committeeMoment({ date, time }: CommitteeWallTime): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (d === null || t === null) {
    return null;
  }
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return Number.isNaN(wall) ? null : wall - zoneOffsetMs(wall);
}

/** The date and time inputs' values for a moment, on the committee's clock. */
export function committeeWallTime(ms: number): CommitteeWallTime {
  const p = partsOf(ms);
  const two = (n: number | undefined): string => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** "12月31日 17:00" (or "Dec 31, 17:00"), on the committee's clock. */
export function formatDeadline(ms: number, locale: string, options: { readonly withYear?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: COMMITTEE_TIME_ZONE,
    ...(options.withYear === true ? { year: 'numeric' } : {}),
    month: locale.startsWith('zh') ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** The committee's calendar day of a moment, as a count of days (for differences of days). */
export function committeeDayNumber(ms: number): number {
  const p = partsOf(ms);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}
