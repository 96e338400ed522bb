import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { Notification } from '../../../shared/api/review';
import type { Person } from '../../../shared/api/schemas';
import { nameOf } from '../docs/peopleNames';

/** Where a notification about the account (a new API token) leads: the advanced settings. */
const ACCOUNT_SETTINGS_PATH = '/settings#advanced';

/** What a notification says, on two lines: what happened, then the reason or the mention's excerpt. */
export interface NotificationWords {
  readonly headline: string;
  readonly detail: string | null;
}

/** "王芳 请你审阅《关于…的提案》", "《…》被退回修改" with "理由：…", a mention with its excerpt. */
export function notificationWords(
  notification: Notification,
  people: ReadonlyMap<UserId, Person>,
  t: TFunction,
): NotificationWords {
  if (notification.type === 'token_created') {
    const headline = t('inbox.text.token_created', { title: notification.excerpt ?? '' });
    return { headline, detail: t('inbox.tokenCreatedHint') };
  }
  const title = notification.docTitle.trim() === '' ? t('inbox.untitled') : notification.docTitle;
  const headline = t(`inbox.text.${notification.type}`, { actor: nameOf(notification.actorId, people, t), title });
  if (notification.type === 'returned' && notification.reason !== null && notification.reason !== '') {
    return { headline, detail: t('inbox.reason', { reason: notification.reason }) };
  }
  if (notification.type === 'adopted' && notification.reason !== null && notification.reason !== '') {
    return { headline, detail: notification.reason };
  }
  if (notification.type.startsWith('call_closing')) {
    // The session's name travels as the excerpt, the days left as the reason (R1).
    return {
      headline,
      detail: t('inbox.callClosing', { session: notification.excerpt ?? '', days: notification.reason ?? '' }),
    };
  }
  if (notification.type === 'mention' && notification.excerpt !== null && notification.excerpt !== '') {
    return { headline, detail: t('inbox.excerpt', { excerpt: notification.excerpt }) };
  }
  if (notification.type.startsWith('duty_') && notification.excerpt !== null && notification.excerpt !== '') {
    // A reminder's note, a return's reason, a correction's message or its answer (B2, B4, B5).
    return { headline, detail: notification.excerpt };
  }
  return { headline, detail: null };
}

/**
 * Where a notification leads: the document, at the mentioning thread for a mention; the member's
 * duty record (their own, or the member's the thread names) for the duty record's; the settings for the account.
 */
export function notificationHref(notification: Notification): string {
  if (notification.type.startsWith('duty_')) {
    const year = `?year=${encodeURIComponent(notification.docTitle)}`;
    if (notification.type === 'duty_correction') {
      return '/duty/committee#corrections';
    }
    return notification.threadId === null ? `/duty${year}` : `/duty/members/${notification.threadId}${year}`;
  }
  if (notification.docId === null) {
    return ACCOUNT_SETTINGS_PATH;
  }
  const path = `/d/${notification.docId}`;
  return notification.type === 'mention' && notification.threadId !== null
    ? `${path}?thread=${encodeURIComponent(notification.threadId)}`
    : path;
}
