import { liveQuery } from 'dexie';
import type { UserId } from '../../../shared';
import type { Notification } from '../../../shared/api/review';
import type { Me } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/ApiClient';
import { createStore, type Store } from '../lib/createStore';
import type { JianyanDb } from '../storage/JianyanDb';
import { enqueueMarkRead } from '../storage/outboxRows';
import { listNotifications, markReadLocally, saveInbox, saveNotification } from './notificationRows';

export interface InboxSnapshot {
  /** Whether the device's cache was read at least once. */
  readonly isLoaded: boolean;
  /** Newest first. */
  readonly notifications: readonly Notification[];
  /**
   * The unread rows on the device, plus those the server's last inbox answer counted beyond them
   * (older than the page the device keeps).
   */
  readonly unread: number;
}

const EMPTY_INBOX: InboxSnapshot = { isLoaded: false, notifications: [], unread: 0 };

export interface InboxOptions {
  readonly db: JianyanDb;
  readonly api: ApiClient;
  readonly isOnline: () => boolean;
  /** The user while signed in (not expired): only they may fetch or store notifications. */
  readonly signedInUser: () => Me | null;
  /** The user of the device, or a 401 ApiError naming `what` they must sign in to do. */
  readonly requireUser: (what: string) => Me;
  /** Reloads the outbox after a row was queued and starts sending it. */
  readonly flushOutbox: () => Promise<void>;
}

/**
 * The signed-in user's inbox: the notifications cached on the device (shown offline), the unread
 * count including those beyond the cached page, and read marks made here at once and queued for
 * the server. ReviewRuntime owns it and feeds it the live stream and the signed-in user.
 */
export class Inbox {
  readonly state: Store<InboxSnapshot> = createStore(EMPTY_INBOX);
  readonly #options: InboxOptions;
  #stopWatching: () => void = () => {};
  /** The notifications on the device, as last read (to count again when `#beyondPage` changes). */
  #cachedNotifications: readonly Notification[] = [];
  /** Unread notifications the server counted that are not on the device (beyond its page). */
  #beyondPage = 0;
  /** A 「全部已读」 the server has not heard yet (the network failed); sent before the next fetch. */
  #isMarkAllPending = false;

  constructor(options: InboxOptions) {
    this.#options = options;
  }

  /** Stops reading the device's cache; the last snapshot stays. */
  stop(): void {
    this.#stopWatching();
  }

  /** Fetches the inbox and stores it on the device. Never rejects: offline the cache stays. */
  async refresh(): Promise<void> {
    const me = this.#options.signedInUser();
    if (me === null) {
      return;
    }
    try {
      if (this.#isMarkAllPending) {
        await this.#options.api.markRead({ all: true });
        this.#isMarkAllPending = false;
      }
      const inbox = await this.#options.api.inbox();
      if (this.#options.signedInUser()?.id === me.id) {
        await saveInbox(this.#options.db, me.id, inbox.notifications);
        // The page's unread ones are on the device now; the server's count may name more.
        const page = new Set(inbox.notifications.map((each) => each.id));
        const pageUnread = inbox.notifications.filter((each) => each.readAt === null).length;
        const otherUnread = (await listNotifications(this.#options.db, me.id)).filter(
          (each) => each.readAt === null && !page.has(each.id),
        ).length;
        this.#setBeyondPage(Math.max(0, inbox.unreadCount - pageUnread - otherUnread));
      }
    } catch {
      // Offline, or refused (a 401 already told the auth store): the cached inbox stays.
    }
  }

  /**
   * Marks notifications read here at once; the server hears when online. 'all' also means those
   * beyond the device's page: the server is asked `{ all: true }`.
   */
  async markRead(which: readonly string[] | 'all'): Promise<void> {
    const me = this.#options.requireUser('mark notifications read');
    const byDoc = await markReadLocally(this.#options.db, me.id, which);
    if (which === 'all') {
      this.#setBeyondPage(0);
      if (await this.#sendMarkAll()) {
        return;
      }
    }
    await enqueueMarkRead(this.#options.db, { userId: me.id, byDoc });
    await this.#options.flushOutbox();
  }

  /** A notification arrived live: stored for the signed-in user (the cache's query shows it). */
  async onNotification(notification: Notification): Promise<void> {
    const me = this.#options.signedInUser();
    if (me !== null) {
      await saveNotification(this.#options.db, me.id, notification).catch(() => undefined);
    }
  }

  /** Shows the cached inbox of whoever uses the device now (null: nobody), forgetting the last one's. */
  watch(userId: UserId | null): void {
    this.#stopWatching();
    this.#cachedNotifications = [];
    this.#beyondPage = 0;
    this.#isMarkAllPending = false;
    this.state.set(userId === null ? { ...EMPTY_INBOX, isLoaded: true } : EMPTY_INBOX);
    if (userId === null) {
      this.#stopWatching = () => {};
      return;
    }
    const subscription = liveQuery(() => listNotifications(this.#options.db, userId)).subscribe({
      next: (notifications) => {
        this.#cachedNotifications = notifications;
        this.#publish(true);
      },
      error: () => this.state.update((current) => ({ ...current, isLoaded: true })),
    });
    this.#stopWatching = () => subscription.unsubscribe();
  }

  /**
   * Sends 「全部已读」 now. The outbox keeps read marks by id only, so when the network fails the
   * device's ids are queued instead and `{ all: true }` is sent again before the next inbox fetch.
   */
  async #sendMarkAll(): Promise<boolean> {
    if (this.#options.isOnline()) {
      try {
        await this.#options.api.markRead({ all: true });
        this.#isMarkAllPending = false;
        return true;
      } catch {
        // Offline after all, or the server failed: fall through.
      }
    }
    this.#isMarkAllPending = true;
    return false;
  }

  #setBeyondPage(count: number): void {
    this.#beyondPage = count;
    this.#publish();
  }

  #publish(isLoaded = this.state.getSnapshot().isLoaded): void {
    const notifications = this.#cachedNotifications;
    const unread = notifications.filter((each) => each.readAt === null).length + this.#beyondPage;
    this.state.set({ isLoaded, notifications, unread });
  }
}
