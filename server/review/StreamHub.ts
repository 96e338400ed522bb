import type { UserId } from '../../shared/index';

/** One server-sent event: its name (see STREAM_EVENTS) and its data, already JSON. */
export interface StreamMessage {
  readonly event: string;
  readonly data: string;
}

/** An open stream of one user, as the hub sees it. */
export interface StreamSubscriber {
  /** Sends one event; must not throw (a closed stream drops it). */
  send(message: StreamMessage): void;
  /** Ends the stream: the server is closing, or its credential no longer signs anyone in. */
  end(): void;
  /** The session or API token the stream was opened with, checked again later; never logged. */
  readonly credential: string;
}

/** Whether a credential still signs someone in (the Authenticator's answer). */
export type CredentialCheck = (credential: string) => Promise<boolean>;

/**
 * The hub of the live streams (`GET /api/stream`): routes publish to user ids and every open
 * stream of those users gets the event, in this process and, through `onPublish` (the cluster's
 * events), in the others, which `deliver` it to theirs. Nothing is kept for a user with no stream
 * open: the inbox and the records are read again when a stream (re)connects.
 */
export class StreamHub {
  readonly #byUser = new Map<UserId, Set<StreamSubscriber>>();
  readonly #maxStreamsPerUser: number;
  readonly #onPublish: ((userIds: readonly UserId[], message: StreamMessage) => void) | null;
  #isClosed = false;

  constructor(
    options: {
      readonly maxStreamsPerUser?: number;
      /** Told of every publish, to pass it on to the other processes. */
      readonly onPublish?: (userIds: readonly UserId[], message: StreamMessage) => void;
    } = {},
  ) {
    this.#maxStreamsPerUser = options.maxStreamsPerUser ?? Number.POSITIVE_INFINITY;
    this.#onPublish = options.onPublish ?? null;
  }

  /** Whether `userId` may open one more stream (see Quotas.maxStreamsPerUser). */
  hasRoomFor(userId: UserId): boolean {
    return (this.#byUser.get(userId)?.size ?? 0) < this.#maxStreamsPerUser;
  }

  /** The most streams one user may have open. */
  get maxStreamsPerUser(): number {
    return this.#maxStreamsPerUser;
  }

  /** Registers a stream; returns the function that removes it. */
  subscribe(userId: UserId, subscriber: StreamSubscriber): () => void {
    if (this.#isClosed) {
      subscriber.end();
      return () => {};
    }
    let streams = this.#byUser.get(userId);
    if (streams === undefined) {
      streams = new Set();
      this.#byUser.set(userId, streams);
    }
    streams.add(subscriber);
    return () => {
      const current = this.#byUser.get(userId);
      current?.delete(subscriber);
      if (current?.size === 0) {
        this.#byUser.delete(userId);
      }
    };
  }

  /** Sends `message` to every open stream of each of `userIds` (each user once), here and in the other processes. */
  publish(userIds: Iterable<UserId>, message: StreamMessage): void {
    const users = [...new Set(userIds)];
    this.deliver(users, message);
    if (users.length > 0) {
      this.#onPublish?.(users, message);
    }
  }

  /** Sends `message` to this process's open streams of each of `userIds` (another process published it). */
  deliver(userIds: Iterable<UserId>, message: StreamMessage): void {
    for (const userId of new Set(userIds)) {
      for (const subscriber of this.#byUser.get(userId) ?? []) {
        subscriber.send(message);
      }
    }
  }

  /**
   * Ends the open streams of `userId` whose credential `isValid` no longer accepts: after a
   * sign-out, a password change, a revoked token or a deactivated account.
   */
  async endSignedOut(userId: UserId, isValid: CredentialCheck): Promise<void> {
    const streams = [...(this.#byUser.get(userId) ?? [])];
    const checks = await Promise.all(streams.map((subscriber) => isValid(subscriber.credential)));
    streams.forEach((subscriber, index) => {
      if (checks[index] !== true) {
        subscriber.end();
      }
    });
  }

  /** How many streams are open. */
  get size(): number {
    let count = 0;
    for (const streams of this.#byUser.values()) {
      count += streams.size;
    }
    return count;
  }

  /** Ends every open stream and refuses new ones, so the HTTP server can close. */
  close(): void {
    this.#isClosed = true;
    const all = [...this.#byUser.values()].flatMap((streams) => [...streams]);
    this.#byUser.clear();
    for (const subscriber of all) {
      subscriber.end();
    }
  }
}
