import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { callCountdown } from '../committee/callCountdown';
import { formatDeadline } from '../committee/committeeTime';

/** How often the countdown looks at the clock again, so a page left open turns to the next day. */
const CLOCK_TICK_MS = 60_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * 「十五届四次会议 提案征集 还剩 N 天（截止 12月31日 17:00）」 on the home page, or 已截止 once it has
 * passed. Nothing shows without a current session with a deadline, or while the sessions cannot
 * be fetched (offline): the countdown is a reminder, not something to wait for.
 */
export function CallCountdownBanner(): ReactElement | null {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const sessions = useApiData(useCallback(() => api.handling.listSessions(), [api]));
  const now = useNow();
  const countdown = sessions.status === 'ready' ? callCountdown(sessions.value, now) : null;
  if (countdown === null) {
    return null;
  }
  const session = countdown.sessionName;
  const deadline = formatDeadline(countdown.deadline, i18n.language);
  const text =
    countdown.state === 'open'
      ? t('committee.countdownOpen', { session, count: countdown.daysLeft })
      : t(countdown.state === 'today' ? 'committee.countdownToday' : 'committee.countdownClosed', { session });
  return (
    <p className={countdown.state === 'closed' ? 'call-countdown is-closed' : 'call-countdown'} role="status">
      {text}
      <span className="call-deadline">
        {t(countdown.state === 'open' ? 'committee.countdownCloses' : 'committee.countdownAt', { deadline })}
      </span>
    </p>
  );
}
