import { type DocId, parseRoomName, RoomKind } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { DocRow } from '../storage';
import type { SyncTarget } from '../sync';
import { accessFromRecord } from './docAccess';

export interface TargetOptions {
  /** Whether the document may connect now (registered, not refused). */
  readonly isConnectable: (docId: DocId) => boolean;
  /** Documents a page has open sync by themselves. */
  readonly isOpen?: (docId: DocId) => boolean;
}

/**
 * Orders the documents to sync: first those with unsent changes the user may still send (their
 * edits are the only copy), then those whose server version is not on the device yet, most
 * recently changed first. Archived documents and documents the user may not read are left out.
 * Unsent content counts as an upload only for someone who may write it; unsent comments for
 * anyone who may read the document (a chair comments on what they may not edit, P9).
 */
export function chooseSyncTargets(
  me: Me,
  rows: readonly DocRow[],
  unsent: UnsentRooms,
  options: TargetOptions,
): SyncTarget[] {
  const uploads: SyncTarget[] = [];
  const downloads: { target: SyncTarget; updatedAt: number }[] = [];
  for (const row of rows) {
    const record = row.record ?? null;
    if (record === null || !options.isConnectable(row.id) || options.isOpen?.(row.id) === true) {
      continue;
    }
    const access = accessFromRecord(me, record);
    const target = { docId: row.id, updatedAt: record.updatedAt };
    const hasUpload =
      (unsent.content.has(row.id) && access === 'write') ||
      (unsent.comments.has(row.id) && access !== 'none' && !record.isArchived);
    if (hasUpload) {
      uploads.push(target);
    } else if (access !== 'none' && !record.isArchived && row.syncedAt !== record.updatedAt) {
      downloads.push({ target, updatedAt: record.updatedAt });
    }
  }
  downloads.sort((a, b) => b.updatedAt - a.updatedAt);
  return [...uploads, ...downloads.map((entry) => entry.target)];
}

/** The documents with unsent local updates on this device, by room. */
export interface UnsentRooms {
  readonly content: ReadonlySet<DocId>;
  readonly comments: ReadonlySet<DocId>;
}

/** Sorts the keys of the `unsent` table (room names) into documents with unsent content or comments. */
export function unsentRoomsOf(keys: readonly unknown[]): UnsentRooms {
  const content = new Set<DocId>();
  const comments = new Set<DocId>();
  for (const key of keys) {
    const room = typeof key === 'string' ? parseRoomName(key) : null;
    if (room !== null) {
      (room.kind === RoomKind.comments ? comments : content).add(room.docId);
    }
  }
  return { content, comments };
}
