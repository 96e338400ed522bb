import type { DocId, UserId } from '../../../shared';
import { INBOX_PAGE_SIZE, type Notification, notificationSchema } from '../../../shared/api/review';
import type { JianyanDb, NotificationRow } from '../storage/JianyanDb';

function toNotification(row: NotificationRow): Notification | null {
  const parsed = notificationSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** The user's notifications on this device, newest first; invalid rows are skipped. */
export async function listNotifications(db: JianyanDb, userId: UserId): Promise<Notification[]> {
  const rows = await db.notifications.where('userId').equals(userId).toArray();
  return rows
    .flatMap((row) => {
      const valid = toNotification(row);
      return valid === null ? [] : [valid];
    })
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/** A notification read on this device stays read, whatever an older answer of the server says. */
function merged(userId: UserId, incoming: Notification, current: NotificationRow | undefined): NotificationRow {
  const readAt = current?.userId === userId && current.readAt !== null ? current.readAt : incoming.readAt;
  return { ...incoming, readAt, userId };
}

/** Stores one notification that arrived live. */
export function saveNotification(db: JianyanDb, userId: UserId, notification: Notification): Promise<void> {
  return db.transaction('rw', db.notifications, async () => {
    const current = await db.notifications.get(notification.id);
    await db.notifications.put(merged(userId, notification, current));
  });
}

/** Notifications kept per user on this device: the server's page and a margin for the live ones. */
export const MAX_STORED_NOTIFICATIONS = 2 * INBOX_PAGE_SIZE;

/**
 * Stores the server's newest page of the user's inbox. Nothing is removed but the oldest beyond
 * `MAX_STORED_NOTIFICATIONS`: a notification that arrived live while the page was on its way must
 * stay. Reads made here and not yet sent are kept; reads made elsewhere arrive with the page.
 */
export function saveInbox(db: JianyanDb, userId: UserId, notifications: readonly Notification[]): Promise<void> {
  return db.transaction('rw', db.notifications, async () => {
    const current = await db.notifications.where('userId').equals(userId).toArray();
    const byId = new Map(current.map((row) => [row.id, row]));
    await db.notifications.bulkPut(notifications.map((each) => merged(userId, each, byId.get(each.id))));
    const all = await db.notifications.where('userId').equals(userId).toArray();
    if (all.length > MAX_STORED_NOTIFICATIONS) {
      const oldest = all.sort((a, b) => b.at - a.at).slice(MAX_STORED_NOTIFICATIONS);
      await db.notifications.bulkDelete(oldest.map((row) => row.id));
    }
  });
}

/**
 * Marks notifications read on this device at once (offline too). Returns the ids that were
 * unread, by document, for the server to be told.
 */
export function markReadLocally(
  db: JianyanDb,
  userId: UserId,
  which: readonly string[] | 'all',
  now = Date.now(),
): Promise<Map<DocId, string[]>> {
  return db.transaction('rw', db.notifications, async () => {
    const wanted = which === 'all' ? null : new Set(which);
    const rows = await db.notifications
      .where('userId')
      .equals(userId)
      .filter((row) => row.readAt === null && (wanted === null || wanted.has(row.id)))
      .toArray();
    const byDoc = new Map<DocId, string[]>();
    for (const row of rows) {
      byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row.id]);
    }
    await db.notifications.bulkPut(rows.map((row) => ({ ...row, readAt: now })));
    return byDoc;
  });
}
