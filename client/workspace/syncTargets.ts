import type { DocId } from '../../shared';
import type { Me } from '../../shared/api/schemas';
import { listDocRecords } from '../storage/docRecords';
import type { DocRecord as DocRow, JianyanDb } from '../storage/JianyanDb';
import type { SyncTarget } from './BackgroundSync';
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
 * recently changed first. Archived documents and documents the user may not read are left out; a
 * document the user may only read never counts as one to upload.
 */
export function chooseSyncTargets(
  me: Me,
  rows: readonly DocRow[],
  withUnsent: ReadonlySet<DocId>,
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
    if (withUnsent.has(row.id) && access === 'write') {
      uploads.push(target);
    } else if (access !== 'none' && !record.isArchived && row.syncedAt !== record.updatedAt) {
      downloads.push({ target, updatedAt: record.updatedAt });
    }
  }
  downloads.sort((a, b) => b.updatedAt - a.updatedAt);
  return [...uploads, ...downloads.map((entry) => entry.target)];
}

/** The documents the background sync should bring onto the device now. */
export async function listSyncTargets(db: JianyanDb, me: Me, options: TargetOptions): Promise<SyncTarget[]> {
  const [rows, unsentIds] = await Promise.all([listDocRecords(db), db.unsent.orderBy('docId').uniqueKeys()]);
  return chooseSyncTargets(me, rows, new Set(unsentIds as DocId[]), options);
}
