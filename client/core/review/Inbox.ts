import type { UserId } from '../../../shared';
import { INBOX_PAGE_SIZE, type Notification } from '../../../shared/api/review';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import { type Outbox, OutboxOp } from '../outbox';
import type { DeviceStore } from '../storage';

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
  /** The account whose inbox this is. */
  readonly userId: UserId;
  readonly store: Pick<DeviceStore, 'notifications' | 'observe'>;
  readonly api: Pick<ApiClient, 'inbox' | 'markRead'>;
  readonly outbox: Pick<Outbox, 'enqueueAll'>;
  readonly isOnline: () => boolean;
  /** Whether the account is signed in now (not expired): only then is the server asked. */
  readonly isSignedIn: () => boolean;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/**
 * The account's inbox: the notifications cached on the device (shown offline), the unread count
 * including those beyond the cached page, and read marks made here at once and queued for the
 * server. ReviewRuntime owns it and feeds it the live stream.
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

  /** Reads the cached inbox and follows its changes (here and in other tabs). Returns a stop function. */
  start(): () => void {
    const { store, userId, diagnostics } = this.#options;
    this.#stopWatching = store.observe(
      () => store.notifications.list(userId),
      (notifications) => {
        this.#cachedNotifications = notifications;
        this.#publish(true);
      },
      (err) => {
        diagnostics.report('inbox.readCache', err);
        this.state.update((current) => ({ ...current, isLoaded: true }));
      },
    );
    return () => this.stop();
  }

  /** Stops reading the device's cache; the last snapshot stays. */
  stop(): void {
    this.#stopWatching();
  }

  /** Fetches the inbox and stores it on the device. Never rejects: offline the cache stays. */
  async refresh(): Promise<void> {
    const { api, store, userId, isSignedIn } = this.#options;
    if (!isSignedIn()) {
      return;
    }
    try {
      if (this.#isMarkAllPending) {
        await api.markRead({ all: true });
        this.#isMarkAllPending = false;
      }
      const inbox = await api.inbox();
      if (!isSignedIn()) {
        return;
      }
      await store.notifications.saveInbox(userId, inbox.notifications);
      // The page's unread ones are on the device now; the server's count may name more.
      const page = new Set(inbox.notifications.map((each) => each.id));
      const pageUnread = inbox.notifications.filter((each) => each.readAt === null).length;
      const otherUnread = this.#cachedNotifications.filter((each) => each.readAt === null && !page.has(each.id)).length;
      this.#setBeyondPage(Math.max(0, inbox.unreadCount - pageUnread - otherUnread));
    } catch (err) {
      // Offline, or refused (a 401 already told the auth store): the cached inbox stays.
      this.#reportUnlessOffline('inbox.refresh', err);
    }
  }

  /**
   * Marks notifications read here at once; the server hears when online. 'all' also means those
   * beyond the device's page: the server is asked `{ all: true }`.
   */
  async markRead(which: readonly string[] | 'all'): Promise<void> {
    const { store, userId, outbox } = this.#options;
    const byDoc = await store.notifications.markRead(userId, which, (this.#options.now ?? Date.now)());
    if (which === 'all') {
      this.#setBeyondPage(0);
      if (await this.#sendMarkAll()) {
        return;
      }
    }
    // Notifications about the account (no document) are not queued per document: sent now when online.
    const aboutAccount = byDoc.get(null) ?? [];
    if (aboutAccount.length > 0) {
      this.#sendAccountRead(aboutAccount);
    }
    const rows = [...byDoc].flatMap(([docId, ids]) => {
      if (docId === null) {
        return [];
      }
      const pages: string[][] = [];
      for (let start = 0; start < ids.length; start += INBOX_PAGE_SIZE) {
        pages.push(ids.slice(start, start + INBOX_PAGE_SIZE));
      }
      return pages.map((page) => ({ op: OutboxOp.markRead, docId, payload: { ids: page } }) as const);
    });
    if (rows.length > 0) {
      await outbox.enqueueAll(rows);
    }
  }

  /** A notification arrived live: stored for the account (the cache's observation shows it). */
  async onNotification(notification: Notification): Promise<void> {
    if (this.#options.isSignedIn()) {
      await this.#options.store.notifications
        .save(this.#options.userId, notification)
        .catch((err: unknown) => this.#options.diagnostics.report('inbox.save', err));
    }
  }

  #reportUnlessOffline(where: string, err: unknown): void {
    if (!hasErrorCode(err, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
      this.#options.diagnostics.report(where, err);
    }
  }

  /**
   * Sends 「全部已读」 now. The outbox keeps read marks by id only, so when the network fails the
   * device's ids are queued instead and `{ all: true }` is sent again before the next inbox fetch.
   */
  #sendAccountRead(ids: readonly string[]): void {
    if (!this.#options.isOnline()) {
      return;
    }
    this.#options.api
      .markRead({ ids: ids.slice(0, INBOX_PAGE_SIZE) })
      .catch((err: unknown) => this.#reportUnlessOffline('inbox.markAccountRead', err));
  }

  async #sendMarkAll(): Promise<boolean> {
    if (this.#options.isOnline()) {
      try {
        await this.#options.api.markRead({ all: true });
        this.#isMarkAllPending = false;
        return true;
      } catch (err) {
        // Offline after all, or the server failed: the ids are queued instead.
        this.#reportUnlessOffline('inbox.markAll', err);
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
