import type { DocEvent, Inbox, Version } from '../../../shared/api/review';
import type { DocRecord } from '../../../shared/api/schemas';
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
  type EventRow,
  type NotificationRow,
  toDocEvent,
  toNotification,
  toVersion,
  type VersionRow,
} from '../rows/reviewRows';
import { blob } from '../rows/rowChecks';
import { PgDatabase } from './PgDatabase';
import { insertFiling } from './pgCaseRows';
import { documentById, documentStatus, isDocumentRegistered, setDocumentStatus, touchDocument } from './pgDocumentRows';
import type { PgQueries } from './pgQueries';
import {
  insertEvent,
  insertNotifications,
  insertVersion,
  isReviewedSinceSubmit,
  onlyDocsSql,
  setReview,
  transitionByRequest,
  unreadCount,
} from './pgReviewRows';
import { enqueueWebhookEvents } from './pgWebhookRows';

export interface PgReviewStoreOptions {
  /** A PostgreSQL connection string (DATABASE_URL). */
  readonly url: string;
  /** The schema of the tables; `public` by default (tests give each their own). */
  readonly schema?: string;
  /** Connections this store may open at once. */
  readonly maxConnections?: number;
}

/** The record after a write, with the signed snapshots (the signature answers carry them). */
async function recordAfterWrite(q: PgQueries, docId: DocId): Promise<DocRecord> {
  const record = await documentById(q, docId, true);
  if (record === null) {
    throw new Error(`Cannot read document ${docId} after writing its review records: it is not registered`);
  }
  return record;
}

/** Appends a co-signer change's events, moves the record's time of change, stores the notifications. */
async function cosignWritten(
  q: PgQueries,
  docId: DocId,
  events: readonly DocEvent[],
  notifications: readonly NewNotification[],
): Promise<CosignWritten> {
  for (const event of events) {
    await insertEvent(q, event, null);
  }
  if (events.length > 0) {
    await touchDocument(q, docId, Math.max(...events.map((event) => event.at)));
  }
  return { notifications: await insertNotifications(q, notifications), record: await recordAfterWrite(q, docId) };
}

/**
 * The review records on PostgreSQL, for deployments of several processes. Every write runs in
 * one transaction holding the records' advisory lock (PgDatabase.write), so a transition's status
 * check and its writes cannot be split by another request or process, as with SQLite's
 * IMMEDIATE transactions. Owns `doc_events`, `doc_versions`, `doc_cosigners`, `doc_reviews` and
 * `notifications` (pgReviewRows).
 */
export class PgReviewStore implements ReviewStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgReviewStoreOptions): Promise<PgReviewStore> {
    return new PgReviewStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'review store',
      }),
    );
  }

  findTransition(requestId: string): Promise<StoredTransition | null> {
    return this.#db.read('find a transition', (q) => transitionByRequest(q, requestId));
  }

  applyTransition(transition: NewTransition): Promise<TransitionOutcome> {
    return this.#db.write('apply a transition', async (q): Promise<TransitionOutcome> => {
      const { event, version, requestId } = transition;
      const repeated = await transitionByRequest(q, requestId);
      if (repeated !== null) {
        return { kind: 'repeated', ...repeated };
      }
      const status = await documentStatus(q, event.docId);
      if (status === null) {
        return { kind: 'missing' };
      }
      if (status !== event.fromStatus) {
        return { kind: 'stale', status };
      }
      if (transition.needsUnreviewed === true && (await isReviewedSinceSubmit(q, event.docId))) {
        return { kind: 'reviewed' };
      }
      const saved = version === null ? null : await insertVersion(q, version);
      await insertEvent(q, event, requestId);
      await setDocumentStatus(q, event.docId, event.toStatus);
      await touchDocument(q, event.docId, event.at);
      if (transition.reviewedVersionId !== null) {
        await setReview(q, event.docId, event.actorId, transition.reviewedVersionId, event.at);
      }
      const notifications = await insertNotifications(q, transition.notifications);
      await enqueueWebhookEvents(q, transition.webhookEvents ?? []);
      if (transition.filing !== undefined) {
        await insertFiling(q, transition.filing);
      }
      const record = await recordAfterWrite(q, event.docId);
      return { kind: 'applied', record, event, version: saved, notifications };
    });
  }

  saveVersion(save: { version: NewVersion; event: DocEvent; reviewerId: UserId | null }): Promise<Version> {
    return this.#db.write('save a version', async (q) => {
      const saved = await insertVersion(q, save.version);
      await insertEvent(q, save.event, null);
      if (save.reviewerId !== null) {
        await setReview(q, save.version.docId, save.reviewerId, saved.id, save.version.createdAt);
      }
      return saved;
    });
  }

  activity(docId: DocId, userId: UserId): Promise<StoredActivity> {
    return this.#db.read('read a document’s activity', async (q) => {
      const events = await q.all<EventRow>('SELECT * FROM doc_events WHERE doc_id = $1 ORDER BY seq', docId);
      const versions = await q.all<VersionRow>('SELECT * FROM doc_versions WHERE doc_id = $1 ORDER BY seq', docId);
      const review = await q.get<{ version_id: string }>(
        'SELECT version_id FROM doc_reviews WHERE doc_id = $1 AND user_id = $2',
        docId,
        userId,
      );
      return {
        events: events.map(toDocEvent),
        versions: versions.map(toVersion),
        lastReviewedVersionId: review?.version_id ?? null,
      };
    });
  }

  inviteCosigners(invite: Parameters<ReviewStore['inviteCosigners']>[0]): Promise<CosignWritten | null> {
    return this.#db.write('invite co-signers', async (q) => {
      if (!(await isDocumentRegistered(q, invite.docId))) {
        return null;
      }
      for (const userId of invite.userIds) {
        // A signature already given stays: being asked again changes nothing about it.
        await q.run(
          `INSERT INTO doc_cosigners (doc_id, user_id, state, invited_by, invited_at) VALUES ($1, $2, 'invited', $3, $4)
           ON CONFLICT (doc_id, user_id) DO UPDATE SET state = 'invited', invited_by = excluded.invited_by,
             invited_at = excluded.invited_at, signed_at = NULL, snapshot = NULL
           WHERE doc_cosigners.state <> 'signed'`,
          invite.docId,
          userId,
          invite.invitedBy,
          invite.at,
        );
      }
      return cosignWritten(q, invite.docId, invite.events, invite.notifications);
    });
  }

  sign(sign: Parameters<ReviewStore['sign']>[0]): Promise<CosignWritten | null> {
    return this.#db.write('store a signature', async (q) => {
      if (!(await isDocumentRegistered(q, sign.docId))) {
        return null;
      }
      await q.run(
        `INSERT INTO doc_cosigners (doc_id, user_id, state, signed_at, snapshot) VALUES ($1, $2, 'signed', $3, $4)
         ON CONFLICT (doc_id, user_id) DO UPDATE SET state = 'signed', signed_at = excluded.signed_at,
           snapshot = excluded.snapshot`,
        sign.docId,
        sign.userId,
        sign.at,
        blob(sign.snapshot),
      );
      return cosignWritten(q, sign.docId, [sign.event], []);
    });
  }

  withdrawSignature(withdraw: Parameters<ReviewStore['withdrawSignature']>[0]): Promise<CosignWritten | null> {
    return this.#db.write('withdraw a signature', async (q) => {
      const changed = await q.run(
        `UPDATE doc_cosigners SET state = 'withdrawn', signed_at = NULL, snapshot = NULL
         WHERE doc_id = $1 AND user_id = $2 AND state <> 'withdrawn'`,
        withdraw.docId,
        withdraw.userId,
      );
      return changed === 0 ? null : cosignWritten(q, withdraw.docId, [withdraw.event], []);
    });
  }

  addNotifications(notifications: readonly NewNotification[]): Promise<StoredNotification[]> {
    return this.#db.write('store notifications', (q) => insertNotifications(q, notifications));
  }

  inbox(userId: UserId, limit: number, docIds?: readonly DocId[]): Promise<Inbox> {
    const only = docIds ?? null;
    return this.#db.read('read the inbox', async (q) => {
      const rows = await q.all<NotificationRow>(
        `SELECT * FROM notifications WHERE user_id = $1 AND ${onlyDocsSql(2)} ORDER BY seq DESC LIMIT $3`,
        userId,
        only,
        limit,
      );
      return { notifications: rows.map(toNotification), unreadCount: await unreadCount(q, userId, only) };
    });
  }

  markRead(
    userId: UserId,
    which: { readonly ids: readonly string[] } | { readonly all: true },
    at: number,
    docIds?: readonly DocId[],
  ): Promise<number> {
    return this.#db.write('mark notifications read', async (q) => {
      // Without ids, every unread notification of the person.
      const ids = 'ids' in which ? which.ids : null;
      await q.run(
        `UPDATE notifications SET read_at = $1
         WHERE user_id = $2 AND read_at IS NULL AND ($3::text[] IS NULL OR id = ANY($3::text[]))`,
        at,
        userId,
        ids,
      );
      return unreadCount(q, userId, docIds ?? null);
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
