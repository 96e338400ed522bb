import { z } from 'zod';
import {
  type DocId,
  MAX_TITLE_LENGTH,
  parseDocId,
  parseDocKind,
  parseGroupId,
  parseUserId,
  type UserId,
} from '../../../shared';
import { type DocActivity, docActivitySchema, type Notification, notificationSchema } from '../../../shared/api/review';
import { type DocRecord, docRecordSchema, groupSchema, meSchema, personSchema } from '../../../shared/api/schemas';
import type { AccountRow } from './DeviceAccounts';
import type { DocRow, OutboxFailure, StoredOutboxRow, WorkspaceRow } from './DeviceStore';

/**
 * Rows read back from the device are untrusted: an older app, an upgrade or a bug may have
 * written them. Every adapter checks them here before anything else sees them; a row that makes
 * no sense is skipped, never used.
 */

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function serverRecordOf(value: unknown): DocRecord | null {
  if (value === null || value === undefined) {
    return null;
  }
  const parsed = docRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A document row with every field checked; null when its id or time is not valid. */
export function toValidDocRow(raw: unknown): DocRow | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const row = raw as Record<string, unknown>;
  const id = typeof row.id === 'string' ? parseDocId(row.id) : null;
  if (id === null || typeof row.updatedAt !== 'number') {
    return null;
  }
  const record = serverRecordOf(row.record);
  return {
    id,
    title: typeof row.title === 'string' ? row.title.slice(0, MAX_TITLE_LENGTH) : '',
    kind: parseDocKind(row.kind),
    updatedAt: row.updatedAt,
    groupId: typeof row.groupId === 'string' ? parseGroupId(row.groupId) : null,
    createdBy: typeof row.createdBy === 'string' ? parseUserId(row.createdBy) : null,
    createdAt: numberOrNull(row.createdAt),
    record: record?.id === id ? record : null,
    serverSeenAt: numberOrNull(row.serverSeenAt),
    syncedAt: numberOrNull(row.syncedAt),
  };
}

/** The signed-in account; null when the row is missing or not valid. */
export function toValidAccountRow(raw: unknown): AccountRow | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const row = raw as Record<string, unknown>;
  const me = meSchema.safeParse(row.me);
  return me.success ? { me: me.data, isExpired: row.isExpired === true, savedAt: Number(row.savedAt) || 0 } : null;
}

const workspaceRowSchema = z.object({
  me: meSchema,
  groups: z.array(groupSchema),
  people: z.array(personSchema),
  fetchedAt: z.number(),
});

/** The cached workspace; null when the row is missing or not valid. */
export function toValidWorkspaceRow(raw: unknown): WorkspaceRow | null {
  const parsed = workspaceRowSchema.safeParse(raw);
  return parsed.success ? { userId: parsed.data.me.id, ...parsed.data } : null;
}

function isFailure(value: unknown): value is OutboxFailure {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { status, code, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof code === 'string' && typeof message === 'string';
}

/**
 * An outbox row with the fields every operation has checked; its payload is left for the outbox
 * to check against the operation. Null when the row cannot be sent by anyone.
 */
export function toValidOutboxRow(raw: unknown): StoredOutboxRow | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const row = raw as Record<string, unknown>;
  const docId = typeof row.docId === 'string' ? parseDocId(row.docId) : null;
  const userId = typeof row.userId === 'string' ? parseUserId(row.userId) : null;
  if (docId === null || userId === null || typeof row.seq !== 'number' || typeof row.op !== 'string') {
    return null;
  }
  return {
    seq: row.seq,
    docId,
    userId,
    op: row.op,
    payload: row.payload,
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
    attempts: typeof row.attempts === 'number' ? row.attempts : 0,
    lastError: isFailure(row.lastError) ? row.lastError : null,
    isRefused: row.isRefused === true,
  };
}

/** A document's cached activity for `userId`; null when it is another user's or not valid. */
export function toValidActivity(raw: unknown, docId: DocId, userId: UserId): DocActivity | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const row = raw as Record<string, unknown>;
  if (row.userId !== userId) {
    return null;
  }
  const parsed = docActivitySchema.safeParse(row.activity);
  return parsed.success && parsed.data.record.id === docId ? parsed.data : null;
}

/** A stored notification; null when it is not valid. */
export function toValidNotification(raw: unknown): Notification | null {
  const parsed = notificationSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
