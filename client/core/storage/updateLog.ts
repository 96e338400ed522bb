import * as Y from 'yjs';
import type { DocId, RoomName } from '../../../shared';
import type { JianyanDb, UnsentRow, UpdateRow } from './JianyanDb';
import { announceUnsentChange } from './unsentCount';

/**
 * Which Y.Doc a log row belongs to: a document id (its content, stored under the id since v1) or
 * the room name of another of its Y.Docs (`<id>.comments`, see `roomNameOf`). The content room's
 * name is the document id itself, so `roomNameOf(docId, kind)` gives the key of every kind.
 */
export type LogKey = DocId | RoomName;

/**
 * The rows' `docId` column holds a log key: comments share the tables of content rather than
 * adding stores (a schema change) for a second log with the same shape.
 */
function rowKey(key: LogKey): DocId {
  return key as DocId;
}

/** Compact a document's log once it holds this many rows: loading stays fast after long sessions. */
export const COMPACT_AFTER_ROWS = 500;
/** ...or this many bytes of separate updates, whichever comes first. */
export const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;

/** Rows read back from IndexedDB are untrusted: an older app version or a bug may have written them. */
function isValidRow(row: UpdateRow | UnsentRow): boolean {
  return row.update instanceof Uint8Array && row.update.byteLength > 0;
}

/** All stored updates of a document, oldest first; empty when the device has none. */
export async function readUpdates(db: JianyanDb, docId: LogKey): Promise<Uint8Array[]> {
  const rows = await db.updates.where('docId').equals(docId).sortBy('seq');
  return rows.filter(isValidRow).map((row) => row.update);
}

/**
 * Appends one update to a document's log and, when it was made on this device, to the unsent
 * records, in one transaction: either both rows exist or neither.
 *
 * While the database is open this bypasses Dexie: every request is issued and the transaction
 * committed explicitly before this function returns, in the caller's task (C1). Dexie would
 * issue the second request only after the first one's round trip, and a tab that closes or
 * reloads in between loses the transaction. Callers must announce the change themselves
 * (Dexie's live queries do not see it).
 */
export function appendUpdate(db: JianyanDb, docId: LogKey, update: Uint8Array, isLocal: boolean): Promise<void> {
  const written = db.isOpen() ? appendNow(db, docId, update, isLocal) : appendWithDexie(db, docId, update, isLocal);
  return isLocal ? written.then(() => announceUnsentChange(docId)) : written;
}

function appendNow(db: JianyanDb, docId: LogKey, update: Uint8Array, isLocal: boolean): Promise<void> {
  try {
    const stores = isLocal ? [db.updates.name, db.unsent.name] : [db.updates.name];
    const transaction = db.backendDB().transaction(stores, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error(`Storing an update of ${docId} was aborted`));
    });
    transaction.objectStore(db.updates.name).add({ docId: rowKey(docId), update });
    if (isLocal) {
      transaction.objectStore(db.unsent.name).add({ docId: rowKey(docId), update });
    }
    transaction.commit();
    return done;
  } catch (err) {
    // The connection closed under us (versionchange, eviction): Dexie reopens it.
    return appendWithDexie(db, docId, update, isLocal).catch(() => Promise.reject(err));
  }
}

function appendWithDexie(db: JianyanDb, docId: LogKey, update: Uint8Array, isLocal: boolean): Promise<void> {
  return db.transaction('rw', db.updates, db.unsent, async () => {
    const row = { docId: rowKey(docId), update };
    await Promise.all([db.updates.add(row), isLocal ? db.unsent.add(row) : undefined]);
  });
}

/** Whether a log of `rows` rows and `bytes` bytes should be merged into one update. */
export function shouldCompact(rows: number, bytes: number): boolean {
  return rows >= COMPACT_AFTER_ROWS || bytes >= COMPACT_AFTER_BYTES;
}

export interface CompactionResult {
  readonly rowsBefore: number;
  readonly bytesAfter: number;
}

/**
 * Merges a document's update log into one update in one transaction (C3). Rows appended by
 * another tab meanwhile wait for the transaction and stay separate. Unsent records are kept.
 */
export function compactUpdates(db: JianyanDb, docId: LogKey): Promise<CompactionResult> {
  return db.transaction('rw', db.updates, async () => {
    const rows = (await db.updates.where('docId').equals(docId).sortBy('seq')).filter(isValidRow);
    if (rows.length < 2) {
      return { rowsBefore: rows.length, bytesAfter: rows[0]?.update.byteLength ?? 0 };
    }
    const merged = Y.mergeUpdates(rows.map((row) => row.update));
    const seqs = rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq]));
    await db.updates.bulkDelete(seqs);
    await db.updates.add({ docId: rowKey(docId), update: merged });
    return { rowsBefore: rows.length, bytesAfter: merged.byteLength };
  });
}

/** Unsent updates of a document, oldest first. */
export async function listUnsent(db: JianyanDb, docId: LogKey): Promise<UnsentRow[]> {
  const rows = await db.unsent.where('docId').equals(docId).sortBy('seq');
  return rows.filter(isValidRow);
}

/** Marks unsent updates of a document as acknowledged by removing their records. */
export async function deleteUnsent(db: JianyanDb, docId: LogKey, seqs: readonly number[]): Promise<void> {
  await db.unsent.bulkDelete([...seqs]);
  announceUnsentChange(docId);
}

/** The number of unsent updates of one log, or of all logs when `docId` is omitted. */
export function countUnsent(db: JianyanDb, docId?: LogKey): Promise<number> {
  return docId === undefined ? db.unsent.count() : db.unsent.where('docId').equals(docId).count();
}
