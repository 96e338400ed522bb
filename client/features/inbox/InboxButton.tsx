import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useUnreadCount } from '../../ui/hooks/useReview';

/** Badges show at most this; more reads "99+". */
const MAX_BADGE_COUNT = 99;

/** The header's way to the inbox, with the unread count as a badge that follows the live stream. */
export function InboxButton(): ReactElement {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const [location] = useLocation();
  const label = unread > 0 ? t('inbox.openUnread', { count: unread }) : t('inbox.open');
  return (
    <Link
      href="/inbox"
      className="inbox-button"
      aria-label={label}
      title={label}
      aria-current={location === '/inbox' ? 'page' : undefined}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M4 13.5V18a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4.5M4 13.5 6.6 5.3A2 2 0 0 1 8.5 4h7a2 2 0 0 1 1.9 1.3L20 13.5M4 13.5h4.5a1 1 0 0 1 1 1 2.5 2.5 0 0 0 5 0 1 1 0 0 1 1-1H20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 ? (
        <span className="inbox-badge" aria-hidden="true">
          {unread > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : unread}
        </span>
      ) : null}
    </Link>
  );
}
