import * as Y from 'yjs';
import { ContentField } from '../../shared/domain/documentSchema';
import type { DocId, RoomKind } from '../../shared/index';

/** Reads the server's current content of a document (the relay implements it; see Relay.readContent). */
export interface ContentReader {
  /**
   * Runs `read` on the content document (or another of the document's Y.Docs, by `kind`) as the
   * server has stored it now (waiting for pending writes first); `read` must not change it.
   */
  readContent<T>(docId: DocId, read: (doc: Y.Doc) => T, kind?: RoomKind): Promise<T>;
  /**
   * Runs `work` while no edit of the document's content is accepted; `reason` (wire text, see
   * formatRelayReason) tells writers why.
   */
  holdWrites<T>(docId: DocId, reason: string, work: () => Promise<T>): Promise<T>;
}

/** `Y.encodeSnapshot` of a document's current state. */
export function encodeCurrentSnapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

/**
 * Decodes a snapshot that came from outside (a request body); null when it does not decode or
 * names clocks that are not whole numbers. The V1 decoder reads at least one byte per number, so
 * its work is bounded by the input's length.
 */
export function decodeUntrustedSnapshot(bytes: Uint8Array): Y.Snapshot | null {
  let snapshot: Y.Snapshot;
  try {
    snapshot = Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
  for (const clock of snapshot.sv.values()) {
    if (!Number.isSafeInteger(clock)) {
      return null;
    }
  }
  for (const items of snapshot.ds.clients.values()) {
    if (items.some((item) => !Number.isSafeInteger(item.clock) || !Number.isSafeInteger(item.len))) {
      return null;
    }
  }
  return snapshot;
}

/** One deleted run of a client's clocks, as a delete set lists it. */
interface DeletedRange {
  readonly clock: number;
  readonly len: number;
}

/** The index of the range in `ranges` (sorted, merged) that contains `clock`; -1 when none. */
function rangeAt(ranges: readonly DeletedRange[], clock: number): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle] as DeletedRange;
    if (clock < range.clock) {
      high = middle - 1;
    } else if (clock >= range.clock + range.len) {
      low = middle + 1;
    } else {
      return middle;
    }
  }
  return -1;
}

/**
 * Whether `doc` holds everything `snapshot` describes: every client's clock in its state vector
 * is at most the document's, and every id in its delete set exists in the document and is
 * deleted there. Only then can the snapshot be rebuilt from the server's document later.
 */
export function isSnapshotContained(doc: Y.Doc, snapshot: Y.Snapshot): boolean {
  for (const [client, clock] of snapshot.sv) {
    if (clock > Y.getState(doc.store, client)) {
      return false;
    }
  }
  // The document's own delete set is sorted and merged: each deleted run is one range.
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, items] of snapshot.ds.clients) {
    const state = Y.getState(doc.store, client);
    const ranges = deleted.clients.get(client) ?? [];
    for (const item of items) {
      if (item.len <= 0) {
        continue;
      }
      if (item.clock < 0 || item.clock + item.len > state) {
        return false;
      }
      const index = rangeAt(ranges, item.clock);
      const range = ranges[index];
      if (range === undefined || item.clock + item.len > range.clock + range.len) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The same snapshot of `doc` without what says nothing: state-vector entries at clock 0 or of
 * clients the document does not have, and empty deleted runs. A client may send such padding;
 * storing it would weigh on every read of the signature. `doc` must contain the snapshot.
 */
export function normalisedSnapshot(doc: Y.Doc, snapshot: Y.Snapshot): Y.Snapshot {
  const known = (client: number): boolean => Y.getState(doc.store, client) > 0;
  const sv = new Map<number, number>();
  for (const [client, clock] of snapshot.sv) {
    if (clock > 0 && known(client)) {
      sv.set(client, clock);
    }
  }
  const ds = Y.createDeleteSet();
  for (const [client, items] of snapshot.ds.clients) {
    const kept = items.filter((item) => item.len > 0);
    if (kept.length > 0 && known(client)) {
      ds.clients.set(client, kept);
    }
  }
  return Y.createSnapshot(ds, sv);
}

/** What a reader sees of a content document: its title and its body as XML. */
export interface VisibleContent {
  readonly title: string;
  readonly body: string;
}

export function visibleContent(doc: Y.Doc): VisibleContent {
  return { title: doc.getText(ContentField.title).toString(), body: doc.getXmlFragment(ContentField.body).toString() };
}

/**
 * What a reader saw of `doc` at `snapshot`. `doc` must have gc off and contain the snapshot;
 * rebuilding splits some of its items (no change to its content), so pass a copy of a shared doc.
 */
export function visibleContentAt(doc: Y.Doc, snapshot: Y.Snapshot): VisibleContent {
  const past = Y.createDocFromSnapshot(doc, snapshot, new Y.Doc({ gc: false }));
  try {
    return visibleContent(past);
  } finally {
    past.destroy();
  }
}

/** A copy (gc off) of a document's current state, for work that must not touch the original. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
