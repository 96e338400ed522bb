import type { DocEvent, Inbox, Notification, Version, VersionCause } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import type { HandlingCase } from '../../shared/domain/handling';
import type { DocId, DocStatus, UserId } from '../../shared/index';
import type { OutgoingWebhookEvent } from './WebhookStore';

/** A named version to store: the snapshot is `Y.encodeSnapshot` of the server's content. */
export interface NewVersion {
  readonly id: string;
  readonly docId: DocId;
  readonly name: string;
  readonly cause: VersionCause;
  readonly createdBy: UserId;
  readonly createdAt: number;
  readonly snapshot: Uint8Array;
}

/** A notification for one person; `commentId` (mentions only) makes it unique per comment and person. */
export interface NewNotification extends Omit<Notification, 'readAt'> {
  readonly userId: UserId;
  readonly commentId: string | null;
}

/** A notification that was stored, and for whom: what the live stream sends. */
export interface StoredNotification {
  readonly userId: UserId;
  readonly notification: Notification;
}

/** A transition as stored: its event and the version saved with it. */
export interface StoredTransition {
  readonly event: DocEvent;
  readonly version: Version | null;
}

/** Everything one workflow transition writes. */
export interface NewTransition {
  /** Made by the client; a second transition with it is refused as `repeated`. */
  readonly requestId: string;
  readonly event: DocEvent & { readonly fromStatus: DocStatus; readonly toStatus: DocStatus };
  readonly version: NewVersion | null;
  /** Recorded as the last review of the event's actor (return, approve); null for none. */
  readonly reviewedVersionId: string | null;
  /**
   * Refuses it as `reviewed` when a reviewer acted on the submission it leaves: a REVIEW_EVENTS
   * event appended after the document's last `submitted` event (a withdrawal, P15). False when absent.
   */
  readonly needsUnreviewed?: boolean;
  readonly notifications: readonly NewNotification[];
  /**
   * Events for the webhooks that subscribe to them, stored (as pending deliveries) in the same
   * transaction, so a transition that happened is never missing from the hand-off; none when absent.
   */
  readonly webhookEvents?: readonly OutgoingWebhookEvent[];
  /**
   * The case the office's decision opens (立案, 不予立案, 并案), stored in the same transaction: a
   * filed one numbered next in its session, a merged one under its target's number. None when absent.
   */
  readonly filing?: HandlingCase;
}

export type TransitionOutcome =
  | ({ readonly kind: 'applied'; readonly record: DocRecord } & StoredTransition & NotificationsWritten)
  /** The document is not (or no longer) in the event's `fromStatus`; nothing was written. */
  | { readonly kind: 'stale'; readonly status: DocStatus }
  /** A reviewer acted on the submission the transition needs unreviewed; nothing was written. */
  | { readonly kind: 'reviewed' }
  /** The request id was used before; nothing was written. */
  | ({ readonly kind: 'repeated' } & StoredTransition)
  /** No such document; nothing was written. */
  | { readonly kind: 'missing' };

export interface NotificationsWritten {
  /** The notifications stored by the write (mentions already stored are left out). */
  readonly notifications: readonly StoredNotification[];
}

/** The record after a co-signer change, and the notifications it stored. */
export interface CosignWritten extends NotificationsWritten {
  readonly record: DocRecord;
}

/** A document's timeline as the document page shows it. */
export interface StoredActivity {
  /** Oldest first. */
  readonly events: readonly DocEvent[];
  /** Oldest first. */
  readonly versions: readonly Version[];
  readonly lastReviewedVersionId: string | null;
}

/**
 * The review records of documents: the append-only timeline, named versions, co-signers,
 * reviewers' last reviews and the notification inbox. Each method writes all of its parts in
 * one transaction. Adapters: SQLite (the embedded default, same file as the workspace) and
 * PostgreSQL (deployments of several processes).
 */
export interface ReviewStore {
  /** The transition made with `requestId`; null when none was. */
  findTransition(requestId: string): Promise<StoredTransition | null>;
  /**
   * Saves the version, appends the event, moves the document to the event's `toStatus`, records
   * the review and stores the notifications, unless the document is not in the event's
   * `fromStatus`, the request id was used, or the transition needs an unreviewed submission and
   * a reviewer acted on it: then it writes nothing and says which.
   */
  applyTransition(transition: NewTransition): Promise<TransitionOutcome>;
  /** Saves a version with its event; with `reviewerId`, also as that person's last review. */
  saveVersion(save: {
    readonly version: NewVersion;
    readonly event: DocEvent;
    readonly reviewerId: UserId | null;
  }): Promise<Version>;
  /** The document's events and versions, and the version `userId` last reviewed. */
  activity(docId: DocId, userId: UserId): Promise<StoredActivity>;
  /**
   * Asks people to co-sign: each becomes `invited`, except one who has signed already, who stays
   * signed. Appends the events and stores the notifications. Null when there is no such document.
   */
  inviteCosigners(invite: {
    readonly docId: DocId;
    readonly userIds: readonly UserId[];
    readonly invitedBy: UserId;
    readonly at: number;
    readonly events: readonly DocEvent[];
    readonly notifications: readonly NewNotification[];
  }): Promise<CosignWritten | null>;
  /** Stores a signature (replacing an earlier one) with its event. Null when there is no such document. */
  sign(sign: {
    readonly docId: DocId;
    readonly userId: UserId;
    readonly at: number;
    readonly snapshot: Uint8Array;
    readonly event: DocEvent;
  }): Promise<CosignWritten | null>;
  /**
   * Withdraws a signature or declines an invitation, with its event. Null when the person is not
   * a co-signer (or no longer one), or there is no such document: then nothing is written.
   */
  withdrawSignature(withdraw: {
    readonly docId: DocId;
    readonly userId: UserId;
    readonly event: DocEvent;
  }): Promise<CosignWritten | null>;
  /** Stores notifications; a mention already stored for the same comment and person is skipped. */
  addNotifications(notifications: readonly NewNotification[]): Promise<StoredNotification[]>;
  /**
   * The newest `limit` notifications of a person, newest first, and how many are unread; only
   * those about `docIds` when given (the documents the person may still read).
   */
  inbox(userId: UserId, limit: number, docIds?: readonly DocId[]): Promise<Inbox>;
  /**
   * Marks some of a person's notifications (or all) read at `at`; resolves with the unread
   * count, of those about `docIds` when given.
   */
  markRead(
    userId: UserId,
    which: { readonly ids: readonly string[] } | { readonly all: true },
    at: number,
    docIds?: readonly DocId[],
  ): Promise<number>;
  /** Releases the store; later calls fail. */
  close(): Promise<void>;
}
