import type * as Y from 'yjs';
import { type DocId, type DocStatus, decide, documentTarget, type UserId } from '../../../shared';
import { type DocActivity, TRANSITION_ACTIONS, type Transition } from '../../../shared/api/review';
import type { DocRecord } from '../../../shared/api/schemas';
import type { ApiClient, MentionInput } from '../api';
import type { Diagnostics } from '../diagnostics';
import { forbidden } from '../errors';
import type { Store } from '../lib';
import { type Outbox, OutboxOp } from '../outbox';
import type { SyncOutcome } from '../rooms';
import type { DeviceStore } from '../storage';
import type { AuthStore, WorkspaceCache } from '../workspace';
import { type CosignOptions, inviteCosigners, signDocument, withdrawSignature } from './cosign';
import { DocActivities } from './DocActivities';
import { Inbox, type InboxSnapshot } from './Inbox';
import { type EventSourceLike, LiveStream } from './liveStream';
import { registerReviewSenders } from './reviewSenders';

export interface ReviewRuntimeOptions {
  /** The account this runtime belongs to. */
  readonly userId: UserId;
  readonly auth: Pick<AuthStore, 'getSnapshot' | 'subscribe'>;
  readonly api: ApiClient;
  readonly store: Pick<DeviceStore, 'activity' | 'notifications' | 'updates' | 'observe'>;
  readonly cache: WorkspaceCache;
  readonly outbox: Outbox;
  readonly diagnostics: Diagnostics;
  readonly isOnline: () => boolean;
  /** Brings a document's content (not its comments) to the server: what a queued transition waits for. */
  readonly syncContent: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
  /** For tests: a fake EventSource. */
  readonly createEventSource?: (url: string) => EventSourceLike | null;
}

/**
 * One account's review: the inbox (cached, read marks queued), the documents' activity (cached
 * per document), queued transitions, mentions and signatures, and the live stream that brings
 * notifications and changed records while signed in and online.
 */
export class ReviewRuntime {
  readonly inbox: Store<InboxSnapshot>;
  readonly stream: LiveStream;
  readonly #options: ReviewRuntimeOptions;
  readonly #inbox: Inbox;
  readonly #activities: DocActivities;
  #stops: (() => void)[] = [];

  constructor(options: ReviewRuntimeOptions) {
    this.#options = options;
    this.#inbox = new Inbox({ ...options, isSignedIn: () => this.#isSignedIn() });
    this.inbox = this.#inbox.state;
    this.#activities = new DocActivities({ ...options, canAsk: () => this.#isSignedIn() && options.isOnline() });
    this.stream = new LiveStream({
      ...(options.createEventSource === undefined ? {} : { create: options.createEventSource }),
      onNotification: (notification) => void this.#inbox.onNotification(notification),
      onRecord: (record) => void this.#saveRecord(record, 'review.streamRecord'),
      onOpen: () => this.#catchUp(),
      onDropped: (err) => options.diagnostics.report('review.streamMessage', err),
    });
    registerReviewSenders(options.outbox, { ...options, updates: options.store.updates });
  }

  /** Follows the account's sign-in, the network and the records of the documents pages show. */
  start(): () => void {
    this.#stops.push(this.#inbox.start(), this.#followAuth(), this.#followNetwork(), this.#activities.followRecords());
    return () => this.stop();
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) {
      stop();
    }
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
   * Calls `onActivity` with the document's activity as cached on the device (null before the first
   * fetch), now and whenever it changes. Returns a function that stops it.
   */
  observeActivity(docId: DocId, onActivity: (activity: DocActivity | null) => void): () => void {
    return this.#activities.observe(docId, onActivity);
  }

  /** Fetches a document's activity again and stores it; never rejects (see `DocActivities.refresh`). */
  refreshActivity(docId: DocId): Promise<void> {
    return this.#activities.refresh(docId);
  }

  /** A page shows the document's activity: it is fetched now and whenever its record changes. */
  watchActivity(docId: DocId): () => void {
    return this.#activities.watch(docId);
  }

  /**
   * Queues a transition, sent once the document's content made here is on the server. Throws
   * `forbidden` when the cached record already says the user may not.
   */
  async queueTransition(
    docId: DocId,
    input: { readonly action: Transition; readonly fromStatus: DocStatus; readonly reason?: string },
  ): Promise<void> {
    const me = this.#options.auth.getSnapshot();
    const record = this.#options.cache.rowOf(docId)?.record ?? null;
    if (record !== null && (me.status === 'signed_in' || me.status === 'expired')) {
      const decision = decide(me.me, TRANSITION_ACTIONS[input.action], documentTarget(record));
      if (!decision.allowed) {
        throw forbidden(`Cannot ${input.action} document ${docId}: ${decision.denial}`, decision.denial);
      }
    }
    const reason = input.reason?.trim() ?? '';
    const payload = {
      action: input.action,
      fromStatus: input.fromStatus,
      reason: reason === '' ? null : reason,
      // Made once when queued: sending the row again after a lost answer does the transition once.
      requestId: crypto.randomUUID(),
    };
    // The same action still waiting (not refused) for the same document is not queued twice.
    await this.#options.outbox.enqueue(
      { op: OutboxOp.transition, docId, payload },
      {
        unlessQueued: (row) =>
          row.op === OutboxOp.transition &&
          row.userId === this.#options.userId &&
          !row.isRefused &&
          (row.payload as { action?: unknown }).action === input.action,
      },
    );
  }

  /**
   * Takes back a queued transition whose request has not gone out (撤销). Resolves false when it
   * is too late (sent, or on its way).
   */
  cancelTransition(id: string): Promise<boolean> {
    const row = this.#options.outbox.state.getSnapshot().rows.find((each) => String(each.seq) === id);
    if (row === undefined || row.op !== OutboxOp.transition) {
      return Promise.resolve(false);
    }
    return this.#options.outbox.cancel(id);
  }

  /** Queues telling the people a comment mentions; sent when online. */
  async queueMention(docId: DocId, input: MentionInput): Promise<void> {
    const payload = { ...input, userIds: [...input.userIds] as UserId[] };
    await this.#options.outbox.enqueue({ op: OutboxOp.mention, docId, payload });
  }

  /**
   * Marks notifications read here at once; the server hears when online. 'all' also means those
   * beyond the device's page: the server is asked `{ all: true }`.
   */
  markRead(which: readonly string[] | 'all'): Promise<void> {
    return this.#inbox.markRead(which);
  }

  /** Co-signs the content as this device has it, once this device's changes are on the server. */
  sign(docId: DocId, doc: Y.Doc): Promise<void> {
    return signDocument(this.#cosign(), docId, doc);
  }

  /** Withdraws the user's signature. Online only. */
  withdrawSignature(docId: DocId): Promise<void> {
    return withdrawSignature(this.#cosign(), docId);
  }

  /** The proposer asks members of the group to co-sign. Online only. */
  inviteCosigners(docId: DocId, userIds: readonly UserId[]): Promise<void> {
    return inviteCosigners(this.#cosign(), docId, userIds);
  }

  #cosign(): CosignOptions {
    const { api, store, cache } = this.#options;
    return { api, updates: store.updates, cache, refreshActivity: (docId) => this.refreshActivity(docId) };
  }

  async #saveRecord(record: DocRecord, where: string): Promise<void> {
    await this.#options.cache
      .saveServerRecord(record)
      .catch((err: unknown) => this.#options.diagnostics.report(where, err));
  }

  /** The stream (re)opened: what was sent while it was down is fetched. */
  #catchUp(): void {
    void this.refreshInbox();
    for (const docId of this.#activities.watched()) {
      void this.refreshActivity(docId);
    }
  }

  #isSignedIn(): boolean {
    const auth = this.#options.auth.getSnapshot();
    return auth.status === 'signed_in' && auth.me.id === this.#options.userId;
  }

  /** Streams while the account is signed in and online; an expired session stops it. */
  #followAuth(): () => void {
    let wasSignedIn = false;
    const onAuth = (): void => {
      const isSignedIn = this.#isSignedIn();
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
    if (this.#isSignedIn() && this.#options.isOnline()) {
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
