import type { DocEvent, Inbox, Version } from '../../../shared/api/review';
import type { DocId, UserId } from '../../../shared/index';
import type {
  CosignWritten,
  NewNotification,
  NewTransition,
  NewVersion,
  ReviewStore,
  StoredActivity,
  StoredNotification,
  StoredTransition,
  TransitionOutcome,
} from '../ReviewStore';
import {
  EVENT_COLUMNS,
  type EventRow,
  eventValues,
  NOTIFICATION_COLUMNS,
  type NotificationRow,
  notificationValues,
  toDocEvent,
  toNotification,
  toStoredNotification,
  toVersion,
  VERSION_COLUMNS,
  type VersionRow,
  versionValues,
} from '../rows/reviewRows';
import { blob } from '../rows/rowChecks';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import { insertFiling } from './sqliteCaseRows';
import {
  documentById,
  documentStatus,
  isDocumentRegistered,
  setDocumentStatus,
  touchDocument,
} from './sqliteDocumentRows';
import { isReviewedSinceSubmit } from './sqliteReviewRows';
import { enqueueWebhookEvents } from './sqliteWebhookRows';

export interface SqliteReviewStoreOptions {
  /** Path of the database file shared with the other stores; created when missing. */
  readonly path: string;
}

/**
 * Restricts a notification query to the documents of a JSON array (bound twice); NULL: every
 * document. Notifications about no document (NO_DOC, the account's own) always pass.
 */
const ONLY_DOCS_SQL = "(? IS NULL OR doc_id = '' OR doc_id IN (SELECT value FROM json_each(?)))";

/** The parameter of ONLY_DOCS_SQL: the document ids as a JSON array, or null for every document. */
function onlyDocs(docIds: readonly DocId[] | undefined): string | null {
  return docIds === undefined ? null : JSON.stringify(docIds);
}

/**
 * The review records in the shared SQLite file, on a connection of their own. Every write runs
 * in one IMMEDIATE transaction, so a transition's status check and its writes cannot be split
 * by another request or process. Owns `doc_events`, `doc_versions`, `doc_cosigners`,
 * `doc_reviews` and `notifications`; a document's status and time of change are written through
 * the document records' functions (sqliteDocumentRows), a transition's webhook deliveries through
 * the webhook store's (sqliteWebhookRows).
 */
export class SqliteReviewStore implements ReviewStore {
  readonly #q: SqliteQueries;

  constructor(options: SqliteReviewStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'review store');
  }

  findTransition(requestId: string): Promise<StoredTransition | null> {
    return this.#q.read('find a transition', () => this.#transitionByRequest(requestId));
  }

  applyTransition(transition: NewTransition): Promise<TransitionOutcome> {
    return this.#q.write('apply a transition', (): TransitionOutcome => {
      const { event, version, requestId } = transition;
      const repeated = this.#transitionByRequest(requestId);
      if (repeated !== null) {
        return { kind: 'repeated', ...repeated };
      }
      const status = documentStatus(this.#q, event.docId);
      if (status === null) {
        return { kind: 'missing' };
      }
      if (status !== event.fromStatus) {
        return { kind: 'stale', status };
      }
      if (transition.needsUnreviewed === true && isReviewedSinceSubmit(this.#q, event.docId)) {
        return { kind: 'reviewed' };
      }
      const saved = version === null ? null : this.#insertVersion(version);
      this.#insertEvent(event, requestId);
      setDocumentStatus(this.#q, event.docId, event.toStatus);
      touchDocument(this.#q, event.docId, event.at);
      if (transition.reviewedVersionId !== null) {
        this.#setReview(event.docId, event.actorId, transition.reviewedVersionId, event.at);
      }
      const notifications = this.#insertNotifications(transition.notifications);
      enqueueWebhookEvents(this.#q, transition.webhookEvents ?? []);
      if (transition.filing !== undefined) {
        insertFiling(this.#q, transition.filing);
      }
      return { kind: 'applied', record: this.#record(event.docId), event, version: saved, notifications };
    });
  }

  saveVersion(save: { version: NewVersion; event: DocEvent; reviewerId: UserId | null }): Promise<Version> {
    return this.#q.write('save a version', () => {
      const saved = this.#insertVersion(save.version);
      this.#insertEvent(save.event, null);
      if (save.reviewerId !== null) {
        this.#setReview(save.version.docId, save.reviewerId, saved.id, save.version.createdAt);
      }
      return saved;
    });
  }

  activity(docId: DocId, userId: UserId): Promise<StoredActivity> {
    return this.#q.read('read a document’s activity', () => ({
      events: this.#q.all<EventRow>('SELECT * FROM doc_events WHERE doc_id = ? ORDER BY seq', docId).map(toDocEvent),
      versions: this.#q
        .all<VersionRow>('SELECT * FROM doc_versions WHERE doc_id = ? ORDER BY seq', docId)
        .map(toVersion),
      lastReviewedVersionId:
        this.#q.get<{ version_id: string }>(
          'SELECT version_id FROM doc_reviews WHERE doc_id = ? AND user_id = ?',
          docId,
          userId,
        )?.version_id ?? null,
    }));
  }

  inviteCosigners(invite: Parameters<ReviewStore['inviteCosigners']>[0]): Promise<CosignWritten | null> {
    return this.#q.write('invite co-signers', () => {
      if (!isDocumentRegistered(this.#q, invite.docId)) {
        return null;
      }
      for (const userId of invite.userIds) {
        // A signature already given stays: being asked again changes nothing about it.
        this.#q.run(
          `INSERT INTO doc_cosigners (doc_id, user_id, state, invited_by, invited_at) VALUES (?, ?, 'invited', ?, ?)
           ON CONFLICT (doc_id, user_id) DO UPDATE SET state = 'invited', invited_by = excluded.invited_by,
             invited_at = excluded.invited_at, signed_at = NULL, snapshot = NULL
           WHERE state <> 'signed'`,
          invite.docId,
          userId,
          invite.invitedBy,
          invite.at,
        );
      }
      return this.#cosignWritten(invite.docId, invite.events, invite.notifications);
    });
  }

  sign(sign: Parameters<ReviewStore['sign']>[0]): Promise<CosignWritten | null> {
    return this.#q.write('store a signature', () => {
      if (!isDocumentRegistered(this.#q, sign.docId)) {
        return null;
      }
      this.#q.run(
        `INSERT INTO doc_cosigners (doc_id, user_id, state, signed_at, snapshot) VALUES (?, ?, 'signed', ?, ?)
         ON CONFLICT (doc_id, user_id) DO UPDATE SET state = 'signed', signed_at = excluded.signed_at,
           snapshot = excluded.snapshot`,
        sign.docId,
        sign.userId,
        sign.at,
        blob(sign.snapshot),
      );
      return this.#cosignWritten(sign.docId, [sign.event], []);
    });
  }

  withdrawSignature(withdraw: Parameters<ReviewStore['withdrawSignature']>[0]): Promise<CosignWritten | null> {
    return this.#q.write('withdraw a signature', () => {
      const changed = this.#q.run(
        `UPDATE doc_cosigners SET state = 'withdrawn', signed_at = NULL, snapshot = NULL
         WHERE doc_id = ? AND user_id = ? AND state <> 'withdrawn'`,
        withdraw.docId,
        withdraw.userId,
      ).changes;
      return changed === 0 ? null : this.#cosignWritten(withdraw.docId, [withdraw.event], []);
    });
  }

  addNotifications(notifications: readonly NewNotification[]): Promise<StoredNotification[]> {
    return this.#q.write('store notifications', () => this.#insertNotifications(notifications));
  }

  inbox(userId: UserId, limit: number, docIds?: readonly DocId[]): Promise<Inbox> {
    const only = onlyDocs(docIds);
    return this.#q.read('read the inbox', () => ({
      notifications: this.#q
        .all<NotificationRow>(
          `SELECT * FROM notifications WHERE user_id = ? AND ${ONLY_DOCS_SQL} ORDER BY seq DESC LIMIT ?`,
          userId,
          only,
          only,
          limit,
        )
        .map(toNotification),
      unreadCount: this.#unreadCount(userId, only),
    }));
  }

  markRead(
    userId: UserId,
    which: { readonly ids: readonly string[] } | { readonly all: true },
    at: number,
    docIds?: readonly DocId[],
  ) {
    return this.#q.write('mark notifications read', () => {
      const ids = 'ids' in which ? which.ids : null;
      if (ids === null) {
        this.#q.run('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL', at, userId);
      }
      for (const id of ids ?? []) {
        this.#q.run(
          'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
          at,
          id,
          userId,
        );
      }
      return this.#unreadCount(userId, onlyDocs(docIds));
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }

  #unreadCount(userId: UserId, only: string | null): number {
    const sql = `SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL AND ${ONLY_DOCS_SQL}`;
    return this.#q.get<{ n: number }>(sql, userId, only, only)?.n ?? 0;
  }

  #transitionByRequest(requestId: string): StoredTransition | null {
    const row = this.#q.get<EventRow>('SELECT * FROM doc_events WHERE request_id = ?', requestId);
    if (row === undefined) {
      return null;
    }
    const version =
      row.version_id === null
        ? undefined
        : this.#q.get<VersionRow>('SELECT * FROM doc_versions WHERE id = ?', row.version_id);
    return { event: toDocEvent(row), version: version === undefined ? null : toVersion(version) };
  }

  /** The record after a write, with the signed snapshots (the signature answers carry them). */
  #record(docId: DocId) {
    const record = documentById(this.#q, docId, true);
    if (record === null) {
      throw new Error(`Cannot read document ${docId} after writing its review records: it is not registered`);
    }
    return record;
  }

  #cosignWritten(docId: DocId, events: readonly DocEvent[], notifications: readonly NewNotification[]): CosignWritten {
    for (const event of events) {
      this.#insertEvent(event, null);
    }
    if (events.length > 0) {
      touchDocument(this.#q, docId, Math.max(...events.map((event) => event.at)));
    }
    return { notifications: this.#insertNotifications(notifications), record: this.#record(docId) };
  }

  #insertVersion(version: NewVersion): Version {
    this.#q.run(
      `INSERT INTO doc_versions (${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ...versionValues(version),
    );
    const row = this.#q.get<VersionRow>('SELECT * FROM doc_versions WHERE id = ?', version.id);
    if (row === undefined) {
      throw new Error(`Cannot save version ${version.id}: it is not there after the insert`);
    }
    return toVersion(row);
  }

  #insertEvent(event: DocEvent, requestId: string | null): void {
    this.#q.run(
      `INSERT INTO doc_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...eventValues(event, requestId),
    );
  }

  #setReview(docId: DocId, userId: UserId, versionId: string, at: number): void {
    this.#q.run(
      `INSERT INTO doc_reviews (doc_id, user_id, version_id, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc_id, user_id) DO UPDATE SET version_id = excluded.version_id, at = excluded.at`,
      docId,
      userId,
      versionId,
      at,
    );
  }

  #insertNotifications(notifications: readonly NewNotification[]): StoredNotification[] {
    const sql = `INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (doc_id, comment_id, user_id) DO NOTHING`;
    return notifications
      .filter((n) => this.#q.run(sql, ...notificationValues(n)).changes > 0)
      .map(toStoredNotification);
  }
}
