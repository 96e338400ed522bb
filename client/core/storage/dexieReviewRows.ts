import type { DocId, UserId } from '../../../shared';
import { type DocActivity, INBOX_PAGE_SIZE, type Notification } from '../../../shared/api/review';
import type { ActivityStore, NotificationStore } from './DeviceStore';
import type { JianyanDb, NotificationRow } from './JianyanDb';
import { toValidActivity, toValidNotification } from './validRows';

/** Notifications kept per user on this device: the server's page and a margin for the live ones. */
export const MAX_STORED_NOTIFICATIONS = 2 * INBOX_PAGE_SIZE;

/** Documents' activity in the Dexie database (see `ActivityStore`). */
export class DexieActivity implements ActivityStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(docId: DocId, userId: UserId): Promise<DocActivity | null> {
    return toValidActivity(await this.#db.activity.get(docId), docId, userId);
  }

  async save(userId: UserId, activity: DocActivity, fetchedAt: number): Promise<void> {
    await this.#db.activity.put({ docId: activity.record.id, userId, activity, fetchedAt });
  }
}

/** A notification read on this device stays read, whatever an older answer of the server says. */
function merged(userId: UserId, incoming: Notification, current: NotificationRow | undefined): NotificationRow {
  const readAt = current?.userId === userId && current.readAt !== null ? current.readAt : incoming.readAt;
  return { ...incoming, readAt, userId };
}

/** The users' notifications in the Dexie database (see `NotificationStore`). */
export class DexieNotifications implements NotificationStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async list(userId: UserId): Promise<Notification[]> {
    const rows = await this.#db.notifications.where('userId').equals(userId).toArray();
    return rows
      .flatMap((row) => {
        const valid = toValidNotification(row);
        return valid === null ? [] : [valid];
      })
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }

  save(userId: UserId, notification: Notification): Promise<void> {
    const db = this.#db;
    return db.transaction('rw', db.notifications, async () => {
      const current = await db.notifications.get(notification.id);
      await db.notifications.put(merged(userId, notification, current));
    });
  }

  saveInbox(userId: UserId, notifications: readonly Notification[]): Promise<void> {
    const db = this.#db;
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

  markRead(userId: UserId, which: readonly string[] | 'all', now: number): Promise<Map<DocId | null, string[]>> {
    const db = this.#db;
    return db.transaction('rw', db.notifications, async () => {
      const wanted = which === 'all' ? null : new Set(which);
      const rows = await db.notifications
        .where('userId')
        .equals(userId)
        .filter((row) => row.readAt === null && (wanted === null || wanted.has(row.id)))
        .toArray();
      const byDoc = new Map<DocId | null, string[]>();
      for (const row of rows) {
        byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row.id]);
      }
      await db.notifications.bulkPut(rows.map((row) => ({ ...row, readAt: now })));
      return byDoc;
    });
  }
}
