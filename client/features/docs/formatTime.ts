import type { TFunction } from 'i18next';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** A last-change time the way document apps show it: 刚刚, 今天 14:05, 昨天 09:30, 3月5日, 2024年3月5日. */
export function formatTime(ms: number, now: number, locale: string, t: TFunction): string {
  if (now - ms >= 0 && now - ms < MINUTE_MS) {
    return t('time.justNow');
  }
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
  const today = startOfDay(now);
  if (ms >= today && ms < today + DAY_MS) {
    return t('time.today', { time });
  }
  if (ms >= today - DAY_MS && ms < today) {
    return t('time.yesterday', { time });
  }
  const isThisYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    year: isThisYear ? undefined : 'numeric',
    month: isThisYear ? 'long' : 'numeric',
    day: 'numeric',
  }).format(ms);
}
