import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Notification } from '../../../shared/api/review';
import { useOnline } from '../../ui/hooks/useOnline';
import { useInbox } from '../../ui/hooks/useReview';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount } from '../../ui/services/useServices';
import { formatTime } from '../docs/formatTime';
import { peopleById } from '../docs/peopleNames';
import { Page } from '../shell/Page';
import { notificationHref, notificationWords } from './notificationText';

function NotificationItem({
  notification,
  words,
  time,
}: {
  readonly notification: Notification;
  readonly words: ReturnType<typeof notificationWords>;
  readonly time: string;
}): ReactElement {
  const { t } = useTranslation();
  const { review } = useAccount();
  const isUnread = notification.readAt === null;
  return (
    <li className={isUnread ? 'inbox-item is-unread' : 'inbox-item'}>
      <Link
        href={notificationHref(notification)}
        className="inbox-link"
        onClick={() => {
          if (isUnread) {
            void review.markRead([notification.id]);
          }
        }}
      >
        <span className={`inbox-type is-${notification.type}`} aria-hidden="true" />
        <span className="inbox-text">
          <span className="inbox-headline">
            {isUnread ? <span className="visually-hidden">{t('inbox.unread')} </span> : null}
            {words.headline}
          </span>
          {words.detail === null ? null : <span className="inbox-detail">{words.detail}</span>}
        </span>
        <time className="inbox-time" dateTime={new Date(notification.at).toISOString()}>
          {time}
        </time>
      </Link>
    </li>
  );
}

/**
 * `/inbox` (收件箱): mentions, review requests, returns with their reason, approvals, filings and
 * co-sign requests, newest first, from the device's cache. Opening one marks it read, offline too.
 */
export function InboxPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const { review } = useAccount();
  const inbox = useInbox();
  const isOnline = useOnline();
  const workspace = useWorkspace();
  const people = useMemo(() => peopleById(workspace?.people ?? []), [workspace?.people]);
  const now = Date.now();
  return (
    <Page title={t('inbox.title')} className="is-narrow inbox-page">
      <div className="page-head inbox-head">
        <h1>{t('inbox.title')}</h1>
        <button
          type="button"
          className="button is-small"
          disabled={inbox.unread === 0}
          onClick={() => void review.markRead('all')}
        >
          {t('inbox.markAllRead')}
        </button>
      </div>
      {isOnline ? null : <p className="inbox-note">{t('inbox.offline')}</p>}
      {!inbox.isLoaded ? <p className="inbox-note">{t('inbox.loading')}</p> : null}
      {inbox.isLoaded && inbox.notifications.length === 0 ? <p className="inbox-empty">{t('inbox.empty')}</p> : null}
      <ul className="inbox-list" aria-label={t('inbox.listLabel')}>
        {inbox.notifications.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            words={notificationWords(notification, people, t)}
            time={formatTime(notification.at, now, i18n.language, t)}
          />
        ))}
      </ul>
    </Page>
  );
}
