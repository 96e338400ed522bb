import type { DocEvent, Version } from '../../../shared/api/review';
import { type DocId, REVIEW_EVENTS, type UserId, WORKFLOW } from '../../../shared/index';
import type { NewNotification, NewVersion, StoredNotification, StoredTransition } from '../ReviewStore';
import {
  EVENT_COLUMNS,
  type EventRow,
  eventValues,
  NOTIFICATION_COLUMNS,
  notificationValues,
  toDocEvent,
  toStoredNotification,
  toVersion,
  VERSION_COLUMNS,
  type VersionRow,
  versionValues,
} from '../rows/reviewRows';
import type { PgQueries } from './pgQueries';

/**
 * The review store's SQL on PostgreSQL that several of its methods share: the inserts into
 * `doc_events`, `doc_versions`, `doc_reviews` and `notifications`, and the co-signers read with a
 * document record; the rest is in PgReviewStore. Each function runs inside the caller's read or
 * write.
 */

/**
 * Restricts a notification query to the documents of a text array (parameter `$n`, the ids or
 * null for every document). Notifications about no document (NO_DOC, the account's own) always pass.
 */
export function onlyDocsSql(n: number): string {
  return `($${n}::text[] IS NULL OR doc_id = '' OR doc_id = ANY($${n}::text[]))`;
}

/** The transition made with `requestId`, with its version; null when none was. */
export async function transitionByRequest(q: PgQueries, requestId: string): Promise<StoredTransition | null> {
  const row = await q.get<EventRow>('SELECT * FROM doc_events WHERE request_id = $1', requestId);
  if (row === undefined) {
    return null;
  }
  const version =
    row.version_id === null
      ? undefined
      : await q.get<VersionRow>('SELECT * FROM doc_versions WHERE id = $1', row.version_id);
  return { event: toDocEvent(row), version: version === undefined ? null : toVersion(version) };
}

/** Whether a reviewer acted on the document's last submission: a REVIEW_EVENTS event after its last submit (P15). */
export async function isReviewedSinceSubmit(q: PgQueries, docId: DocId): Promise<boolean> {
  const row = await q.get<{ found: number }>(
    `SELECT 1 AS found FROM doc_events
     WHERE doc_id = $1 AND type = ANY($2::text[])
       AND seq > COALESCE((SELECT MAX(seq) FROM doc_events WHERE doc_id = $1 AND type = $3), 0)
     LIMIT 1`,
    docId,
    [...REVIEW_EVENTS],
    WORKFLOW.submit.event,
  );
  return row !== undefined;
}

/** Saves a named version; resolves with it as stored. */
export async function insertVersion(q: PgQueries, version: NewVersion): Promise<Version> {
  const row = await q.get<VersionRow>(
    `INSERT INTO doc_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    ...versionValues(version),
  );
  if (row === undefined) {
    throw new Error(`Cannot save version ${version.id}: the insert returned no row`);
  }
  return toVersion(row);
}

/** Appends an event to the document's timeline; `requestId` only for a transition. */
export async function insertEvent(q: PgQueries, event: DocEvent, requestId: string | null): Promise<void> {
  await q.run(
    `INSERT INTO doc_events (${EVENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    ...eventValues(event, requestId),
  );
}

/** Records `versionId` as the version `userId` last reviewed. */
export async function setReview(q: PgQueries, docId: DocId, userId: UserId, versionId: string, at: number) {
  await q.run(
    `INSERT INTO doc_reviews (doc_id, user_id, version_id, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (doc_id, user_id) DO UPDATE SET version_id = excluded.version_id, at = excluded.at`,
    docId,
    userId,
    versionId,
    at,
  );
}

/** Stores notifications, skipping a mention already stored for the same comment and person. */
export async function insertNotifications(
  q: PgQueries,
  notifications: readonly NewNotification[],
): Promise<StoredNotification[]> {
  const sql = `INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
               ON CONFLICT (doc_id, comment_id, user_id) DO NOTHING`;
  const stored: StoredNotification[] = [];
  for (const n of notifications) {
    if ((await q.run(sql, ...notificationValues(n))) > 0) {
      stored.push(toStoredNotification(n));
    }
  }
  return stored;
}

/** How many of a person's notifications are unread, of those about `only` when not null. */
export async function unreadCount(q: PgQueries, userId: UserId, only: readonly string[] | null): Promise<number> {
  const sql = `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL AND ${onlyDocsSql(2)}`;
  return (await q.get<{ n: number }>(sql, userId, only))?.n ?? 0;
}
