import {
  DOC_EVENT_TYPES,
  type DocEvent,
  NOTIFICATION_TYPES,
  type Notification,
  VERSION_CAUSES,
  type Version,
} from '../../../shared/api/review';
import { COSIGN_STATES, type Cosigner, type LastReturn } from '../../../shared/api/schemas';
import { parseDocId, parseDocStatus, parseUserId } from '../../../shared/index';
import type { NewNotification, NewVersion, StoredNotification } from '../ReviewStore';
import { blob, need, optionalUserId } from './rowChecks';

/**
 * Rows of the review tables and their conversion to the API's records, the same in every SQL
 * adapter (the PostgreSQL layout reads back as SQLite's does). Each field read back is checked,
 * and a row that makes no sense throws naming the table and the id.
 */

export interface EventRow {
  id: string;
  doc_id: string;
  type: string;
  actor_id: string;
  at: number;
  reason: string | null;
  version_id: string | null;
  subject_id: string | null;
  from_status: string | null;
  to_status: string | null;
}

export interface VersionRow {
  id: string;
  doc_id: string;
  name: string;
  cause: string;
  created_by: string;
  created_at: number;
  snapshot: Buffer;
}

export interface CosignerRow {
  doc_id: string;
  user_id: string;
  state: string;
  invited_by: string | null;
  invited_at: number | null;
  signed_at: number | null;
  snapshot: Buffer | null;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  type: string;
  doc_id: string;
  doc_title: string;
  actor_id: string;
  at: number;
  reason: string | null;
  excerpt: string | null;
  thread_id: string | null;
  read_at: number | null;
}

/** `notifications.doc_id` of a notification about no document (the column is NOT NULL). */
export const NO_DOC = '';

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  return values.find((value) => value === text) ?? null;
}

/** Standard base64 of stored bytes, as the API carries snapshots. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** A `returned` event as a record's last return (a return always has a reason; none reads as empty). */
export function toLastReturn(row: EventRow): LastReturn {
  const event = toDocEvent(row);
  return { actorId: event.actorId, at: event.at, reason: event.reason ?? '' };
}

/** The last `returned` event of each document among rows ordered oldest first, by document. */
export function lastReturnsOf(rows: readonly EventRow[]): Map<string, LastReturn> {
  return new Map(rows.map((row) => [row.doc_id, toLastReturn(row)]));
}

export function toDocEvent(row: EventRow): DocEvent {
  const t = 'doc_events';
  const status = (text: string | null, field: string) =>
    text === null ? null : need(parseDocStatus(text), t, row.id, field);
  return {
    id: row.id,
    docId: need(parseDocId(row.doc_id), t, row.id, 'doc_id'),
    type: need(oneOf(DOC_EVENT_TYPES, row.type), t, row.id, 'type'),
    actorId: need(parseUserId(row.actor_id), t, row.id, 'actor_id'),
    at: row.at,
    reason: row.reason,
    versionId: row.version_id,
    subjectId: optionalUserId(row.subject_id, t, row.id, 'subject_id'),
    fromStatus: status(row.from_status, 'from_status'),
    toStatus: status(row.to_status, 'to_status'),
  };
}

export function toVersion(row: VersionRow): Version {
  const t = 'doc_versions';
  return {
    id: row.id,
    docId: need(parseDocId(row.doc_id), t, row.id, 'doc_id'),
    name: row.name,
    cause: need(oneOf(VERSION_CAUSES, row.cause), t, row.id, 'cause'),
    createdBy: need(parseUserId(row.created_by), t, row.id, 'created_by'),
    createdAt: row.created_at,
    snapshot: toBase64(row.snapshot),
  };
}

export function toCosigner(row: CosignerRow): Cosigner {
  const t = 'doc_cosigners';
  const id = `${row.doc_id}/${row.user_id}`;
  return {
    userId: need(parseUserId(row.user_id), t, id, 'user_id'),
    state: need(oneOf(COSIGN_STATES, row.state), t, id, 'state'),
    invitedBy: optionalUserId(row.invited_by, t, id, 'invited_by'),
    invitedAt: row.invited_at,
    signedAt: row.signed_at,
    snapshot: row.snapshot === null ? null : toBase64(row.snapshot),
  };
}

export function toNotification(row: NotificationRow): Notification {
  const t = 'notifications';
  return {
    id: row.id,
    type: need(oneOf(NOTIFICATION_TYPES, row.type), t, row.id, 'type'),
    docId: row.doc_id === NO_DOC ? null : need(parseDocId(row.doc_id), t, row.id, 'doc_id'),
    docTitle: row.doc_title,
    actorId: need(parseUserId(row.actor_id), t, row.id, 'actor_id'),
    at: row.at,
    reason: row.reason,
    excerpt: row.excerpt,
    threadId: row.thread_id,
    readAt: row.read_at,
  };
}

/** A value bound to a placeholder of the inserts below, in either adapter. */
type Param = string | number | Buffer | null;

/** The columns an event is inserted with, in the order of eventValues. */
export const EVENT_COLUMNS =
  'id, doc_id, type, actor_id, at, reason, version_id, subject_id, from_status, to_status, request_id';

/** The values of EVENT_COLUMNS; `requestId` only for a transition. */
export function eventValues(event: DocEvent, requestId: string | null): Param[] {
  return [
    event.id,
    event.docId,
    event.type,
    event.actorId,
    event.at,
    event.reason,
    event.versionId,
    event.subjectId,
    event.fromStatus,
    event.toStatus,
    requestId,
  ];
}

/** The columns a version is inserted with, in the order of versionValues. */
export const VERSION_COLUMNS = 'id, doc_id, name, cause, created_by, created_at, snapshot';

export function versionValues(version: NewVersion): Param[] {
  const { id, docId, name, cause, createdBy, createdAt, snapshot } = version;
  return [id, docId, name, cause, createdBy, createdAt, blob(snapshot)];
}

/** The columns a notification is inserted with, in the order of notificationValues. */
export const NOTIFICATION_COLUMNS =
  'id, user_id, type, doc_id, doc_title, actor_id, at, reason, excerpt, thread_id, comment_id';

/** The values of NOTIFICATION_COLUMNS; a notification about no document is stored with NO_DOC. */
export function notificationValues(n: NewNotification): Param[] {
  return [
    n.id,
    n.userId,
    n.type,
    n.docId ?? NO_DOC,
    n.docTitle,
    n.actorId,
    n.at,
    n.reason,
    n.excerpt,
    n.threadId,
    n.commentId,
  ];
}

/** A notification just stored, as the live stream sends it: unread, and without its comment id. */
export function toStoredNotification(n: NewNotification): StoredNotification {
  const { userId, commentId: _commentId, ...notification } = n;
  return { userId, notification: { ...notification, readAt: null } };
}
