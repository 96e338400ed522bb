import {
  type DocId,
  type DocKind,
  type GroupId,
  MAX_TITLE_LENGTH,
  parseDocId,
  parseDocKind,
  parseGroupId,
  parseUserId,
} from '../../../shared';
import { docRecordSchema, type DocRecord as ServerDocRecord } from '../../../shared/api/schemas';
import type { DocRecord, JianyanDb } from './JianyanDb';

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function serverRecordOf(value: unknown): ServerDocRecord | null {
  if (value === null || value === undefined) {
    return null;
  }
  const parsed = docRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Rows read back from IndexedDB are untrusted (an older app, an upgrade, a bug): each field is checked. */
export function toValidRecord(row: DocRecord): DocRecord | null {
  const id = typeof row.id === 'string' ? parseDocId(row.id) : null;
  if (id === null || typeof row.updatedAt !== 'number') {
    return null;
  }
  const title = typeof row.title === 'string' ? row.title.slice(0, MAX_TITLE_LENGTH) : '';
  const record = serverRecordOf(row.record);
  return {
    id,
    title,
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

/** Documents known on this device, most recently changed first. */
export async function listDocRecords(db: JianyanDb): Promise<DocRecord[]> {
  const rows = await db.docs.orderBy('updatedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const valid = toValidRecord(row);
    return valid === null ? [] : [valid];
  });
}

/** One document's record; null when this device has never stored the document. */
export async function getDocRecord(db: JianyanDb, id: DocId): Promise<DocRecord | null> {
  const row = await db.docs.get(id);
  return row === undefined ? null : toValidRecord(row);
}

export interface DocRecordChange {
  readonly title?: string;
  readonly kind?: DocKind | null;
  readonly updatedAt?: number;
}

/** A new row for a document this device had not stored yet. */
function emptyRow(id: DocId): DocRecord {
  return {
    id,
    title: '',
    kind: null,
    updatedAt: 0,
    groupId: null,
    createdBy: null,
    createdAt: null,
    record: null,
    serverSeenAt: null,
    syncedAt: null,
  };
}

/** Creates or updates what this device saw of a document; fields not given keep their value. */
export function saveDocRecord(db: JianyanDb, id: DocId, change: DocRecordChange): Promise<void> {
  return db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(id);
    const base = current ?? emptyRow(id);
    await db.docs.put({
      ...base,
      title: change.title ?? base.title,
      kind: change.kind ?? base.kind ?? null,
      updatedAt: Math.max(change.updatedAt ?? 0, base.updatedAt),
    });
  });
}

/**
 * The row after the server listed `record` at `seenAt`: the server's record is kept beside what
 * the device saw, and the newer of the two titles wins (this device on a tie: its edits may be
 * unsent).
 */
export function withServerRecord(current: DocRecord | undefined, record: ServerDocRecord, seenAt: number): DocRecord {
  const base = current ?? emptyRow(record.id);
  const isServerNewer = record.updatedAt > base.updatedAt;
  return {
    ...base,
    title: isServerNewer ? record.title : base.title,
    kind: record.kind,
    groupId: record.groupId ?? base.groupId ?? null,
    updatedAt: Math.max(record.updatedAt, base.updatedAt),
    record,
    serverSeenAt: seenAt,
  };
}

/** Stores the server's record of one document (after `GET` or `POST /api/docs`). */
export function saveServerRecord(db: JianyanDb, record: ServerDocRecord, seenAt: number = Date.now()): Promise<void> {
  return db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(record.id);
    await db.docs.put(withServerRecord(current, record, seenAt));
  });
}

/** The server no longer lets this user read the document: its record goes, its content stays. */
export function forgetServerRecord(db: JianyanDb, id: DocId): Promise<void> {
  return db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(id);
    if (current !== undefined && current.record !== null) {
      await db.docs.put({ ...current, record: null });
    }
  });
}

/** Remembers that the content of the record's version `updatedAt` is on the device. */
export function markSynced(db: JianyanDb, id: DocId, updatedAt: number): Promise<void> {
  return db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(id);
    if (current !== undefined) {
      await db.docs.put({ ...current, syncedAt: updatedAt });
    }
  });
}

/** Creates the row of a document made on this device, in group `groupId`. */
export function localDocRow(input: {
  readonly id: DocId;
  readonly kind: DocKind;
  readonly groupId: GroupId | null;
  readonly title: string;
  readonly createdBy: DocRecord['createdBy'];
  readonly now: number;
}): DocRecord {
  return {
    ...emptyRow(input.id),
    title: input.title,
    kind: input.kind,
    groupId: input.groupId,
    createdBy: input.createdBy ?? null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
