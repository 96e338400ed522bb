import type { DocId, DocKind, GroupId, UserId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import type { DocRow } from './DeviceStore';

/** The row of a document this device had not stored yet. */
export function emptyDocRow(id: DocId): DocRow {
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

/**
 * The row after the server listed `record` at `seenAt`: the server's record is kept beside what
 * the device saw, and the newer of the two titles wins (this device on a tie: its edits may be
 * unsent).
 */
export function withServerRecord(current: DocRow | null, record: DocRecord, seenAt: number): DocRow {
  const base = current ?? emptyDocRow(record.id);
  const isServerNewer = record.updatedAt > base.updatedAt;
  return {
    ...base,
    title: isServerNewer ? record.title : base.title,
    kind: record.kind,
    groupId: record.groupId ?? base.groupId,
    updatedAt: Math.max(record.updatedAt, base.updatedAt),
    record,
    serverSeenAt: seenAt,
  };
}

/** The row of a document made on this device, in group `groupId`. */
export function localDocRow(input: {
  readonly id: DocId;
  readonly kind: DocKind;
  readonly groupId: GroupId | null;
  readonly title: string;
  readonly createdBy: UserId | null;
  readonly now: number;
}): DocRow {
  return {
    ...emptyDocRow(input.id),
    title: input.title,
    kind: input.kind,
    groupId: input.groupId,
    createdBy: input.createdBy,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
