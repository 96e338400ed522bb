import { type DocId, type DocStatus, decide, documentTarget, type UserId } from '../../../shared';
import { TRANSITION_ACTIONS, type Transition } from '../../../shared/api/review';
import type { DocRecord, Me } from '../../../shared/api/schemas';
import type { ApiClient, MentionInput } from '../api/ApiClient';
import { ApiError } from '../api/ApiError';
import type { Store } from '../lib/createStore';
import type { Outbox } from '../outbox/Outbox';
import { getDocRecord, saveServerRecord } from '../storage/docRecords';
import type { JianyanDb } from '../storage/JianyanDb';
import { enqueueMention, enqueueTransition } from '../storage/outboxRows';
import { type AuthStore, userOf } from '../workspace/AuthStore';
import { readActivity, saveActivity } from './activityCache';
import { Inbox, type InboxSnapshot } from './Inbox';
import { type EventSourceLike, LiveStream } from './liveStream';

export type { InboxSnapshot } from './Inbox';

export interface ReviewRuntimeOptions {
  readonly db: JianyanDb;
  readonly api: ApiClient;
  readonly auth: Pick<AuthStore, 'getSnapshot' | 'subscribe'>;
  readonly outbox: Outbox;
  readonly isOnline: () => boolean;
  /** For tests: a fake EventSource. */
  readonly createEventSource?: (url: string) => EventSourceLike | null;
}

/**
 * The review's client side beside the workspace: the inbox (cached, read marks queued), the
 * documents' activity (cached per document), queued transitions and mentions, and the live
 * stream that brings notifications and changed records while signed in and online.
 */
export class ReviewRuntime {
  readonly inbox: Store<InboxSnapshot>;
  readonly stream: LiveStream;
  readonly #options: ReviewRuntimeOptions;
  readonly #inbox: Inbox;
  /** Documents a page shows the activity of, with how many pages do. */
  readonly #watched = new Map<DocId, number>();
  /** Activity fetches on their way; `isDirty`: asked again meanwhile, so fetched once more after. */
  readonly #refreshing = new Map<DocId, { promise: Promise<void>; isDirty: boolean }>();
  #stops: (() => void)[] = [];

  constructor(options: ReviewRuntimeOptions) {
    this.#options = options;
    this.#inbox = new Inbox({
      db: options.db,
      api: options.api,
      isOnline: options.isOnline,
      signedInUser: () => this.#signedInUser(),
      requireUser: (what) => this.#requireUser(what),
      flushOutbox: () => this.#flushOutbox(),
    });
    this.inbox = this.#inbox.state;
    this.stream = new LiveStream({
      ...(options.createEventSource === undefined ? {} : { create: options.createEventSource }),
      onNotification: (notification) => void this.#inbox.onNotification(notification),
      onRecord: (record) => void this.onRecord(record),
      onOpen: () => this.#catchUp(),
    });
  }

  /** Follows the signed-in user and the network. Returns a stop function. */
  start(): () => void {
    this.#stops.push(this.#followAuth(), this.#followNetwork());
    return () => this.stop();
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) {
      stop();
    }
    this.#inbox.stop();
    this.stream.stop();
  }

  /** The network came back: stream again and fetch what was missed. */
  onOnline(): void {
    this.#connect();
  }

  /** The network is gone: the stream closes (the browser would retry it in vain); the cache stays. */
  onOffline(): void {
    this.stream.stop();
  }

  /** Fetches the inbox and stores it on the device. Never rejects: offline the cache stays. */
  refreshInbox(): Promise<void> {
    return this.#inbox.refresh();
  }

  /**
   * Fetches a document's activity and stores it (and its record). Never rejects. Asked while a
   * fetch is on its way (the record changed meanwhile), it fetches again once that one is done:
   * the answer on its way may predate the change. Resolves once the last fetch is stored.
   */
  refreshActivity(docId: DocId): Promise<void> {
    const running = this.#refreshing.get(docId);
    if (running !== undefined) {
      running.isDirty = true;
      return running.promise;
    }
    const entry = { promise: Promise.resolve(), isDirty: false };
    entry.promise = (async () => {
      try {
        do {
          entry.isDirty = false;
          await this.#fetchActivity(docId);
        } while (entry.isDirty);
      } finally {
        this.#refreshing.delete(docId);
      }
    })();
    this.#refreshing.set(docId, entry);
    return entry.promise;
  }

  /** A page shows the document's activity: it is fetched now and whenever it may have changed. */
  watchActivity(docId: DocId): () => void {
    this.#watched.set(docId, (this.#watched.get(docId) ?? 0) + 1);
    void this.refreshActivity(docId);
    let isWatching = true;
    return () => {
      if (!isWatching) {
        return;
      }
      isWatching = false;
      const count = (this.#watched.get(docId) ?? 1) - 1;
      if (count === 0) {
        this.#watched.delete(docId);
      } else {
        this.#watched.set(docId, count);
      }
    };
  }

  /** The server changed a record (live stream, transition): store it and refresh what a page shows. */
  async onRecord(record: DocRecord): Promise<void> {
    await saveServerRecord(this.#options.db, record).catch(() => undefined);
    if (this.#watched.has(record.id)) {
      await this.refreshActivity(record.id);
    }
  }

  /**
   * Queues a transition, sent once the document's content made here is on the server. Throws
   * ApiError 403 when the cached record already says the user may not.
   */
  async queueTransition(
    docId: DocId,
    input: { readonly action: Transition; readonly fromStatus: DocStatus; readonly reason?: string },
  ): Promise<void> {
    const me = this.#requireUser('change the status of a document');
    const record = (await getDocRecord(this.#options.db, docId))?.record ?? null;
    if (record !== null) {
      const decision = decide(me, TRANSITION_ACTIONS[input.action], documentTarget(record));
      if (!decision.allowed) {
        const message = `Cannot ${input.action} document ${docId}: ${decision.denial}`;
        throw new ApiError({ status: 403, code: 'forbidden', message, denial: decision.denial });
      }
    }
    const reason = input.reason?.trim() ?? '';
    const payload = { action: input.action, fromStatus: input.fromStatus, reason: reason === '' ? null : reason };
    await enqueueTransition(this.#options.db, { docId, userId: me.id, payload });
    await this.#flushOutbox();
  }

  /**
   * Takes back a queued transition whose request has not gone out (撤销). Resolves false when it
   * is too late (sent, or on its way).
   */
  cancelTransition(id: string): Promise<boolean> {
    const row = this.#options.outbox.state.getSnapshot().rows.find((each) => String(each.seq) === id);
    if (row === undefined || row.op !== 'transition') {
      return Promise.resolve(false);
    }
    return this.#options.outbox.cancel(id);
  }

  /** Queues telling the people a comment mentions; sent when online. */
  async queueMention(docId: DocId, input: MentionInput): Promise<void> {
    const me = this.#requireUser('mention someone');
    const payload = { ...input, userIds: [...input.userIds] as UserId[] };
    await enqueueMention(this.#options.db, { docId, userId: me.id, payload });
    await this.#flushOutbox();
  }

  /**
   * Marks notifications read here at once; the server hears when online. 'all' also means those
   * beyond the device's page: the server is asked `{ all: true }`.
   */
  markRead(which: readonly string[] | 'all'): Promise<void> {
    return this.#inbox.markRead(which);
  }

  async #flushOutbox(): Promise<void> {
    await this.#options.outbox.reload();
    void this.#options.outbox.flush();
  }

  async #fetchActivity(docId: DocId): Promise<void> {
    const me = this.#signedInUser();
    if (me === null || !this.#options.isOnline()) {
      return;
    }
    try {
      const activity = await this.#options.api.docActivity(docId);
      if (this.#signedInUser()?.id !== me.id) {
        return;
      }
      // An answer that left the server before a newer record reached this device (stream, another
      // tab) must not put the older record back; the fetch that follows brings the newer one.
      const cached = (await getDocRecord(this.#options.db, docId))?.record ?? null;
      if (cached === null || cached.updatedAt <= activity.record.updatedAt) {
        await saveServerRecord(this.#options.db, activity.record);
      }
      const cachedActivity = await readActivity(this.#options.db, docId, me.id);
      if (cachedActivity === null || cachedActivity.record.updatedAt <= activity.record.updatedAt) {
        await saveActivity(this.#options.db, me.id, activity);
      }
    } catch {
      // Offline or refused: the cached activity stays; access checks tell the user about refusals.
    }
  }

  /** The stream (re)opened: what was sent while it was down is fetched. */
  #catchUp(): void {
    void this.refreshInbox();
    for (const docId of this.#watched.keys()) {
      void this.refreshActivity(docId);
    }
  }

  #signedInUser(): Me | null {
    const auth = this.#options.auth.getSnapshot();
    return auth.status === 'signed_in' ? auth.me : null;
  }

  #requireUser(what: string): Me {
    const me = userOf(this.#options.auth.getSnapshot());
    if (me === null) {
      throw new ApiError({ status: 401, code: 'unauthorized', message: `Sign in to ${what}` });
    }
    return me;
  }

  /** Shows the cached inbox of whoever uses the device, and streams while they are signed in. */
  #followAuth(): () => void {
    let userId: UserId | null = null;
    let wasSignedIn = false;
    const onAuth = (): void => {
      const me = userOf(this.#options.auth.getSnapshot());
      const isSignedIn = this.#signedInUser() !== null;
      if ((me?.id ?? null) !== userId) {
        userId = me?.id ?? null;
        this.#inbox.watch(userId);
      }
      if (isSignedIn && !wasSignedIn) {
        this.#connect();
      } else if (!isSignedIn) {
        this.stream.stop();
      }
      wasSignedIn = isSignedIn;
    };
    const stop = this.#options.auth.subscribe(onAuth);
    onAuth();
    return stop;
  }

  #connect(): void {
    if (this.#signedInUser() !== null && this.#options.isOnline()) {
      void this.refreshInbox();
      this.stream.start();
    }
  }

  #followNetwork(): () => void {
    const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    const onOnline = (): void => this.onOnline();
    const onOffline = (): void => this.onOffline();
    target.addEventListener?.('online', onOnline);
    target.addEventListener?.('offline', onOffline);
    return () => {
      target.removeEventListener?.('online', onOnline);
      target.removeEventListener?.('offline', onOffline);
    };
  }
}
