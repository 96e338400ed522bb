import * as Y from 'yjs';

/**
 * Whether an item of the document was there at `snapshot`: written before it and not deleted in
 * it. Yjs keeps its own check private; this is the same rule. No snapshot means "now".
 */
export function isVisibleAt(item: Y.Item, snapshot: Y.Snapshot | undefined): boolean {
  if (snapshot === undefined) {
    return !item.deleted;
  }
  const clock = snapshot.sv.get(item.id.client);
  return clock !== undefined && clock > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

/**
 * Whether the document holds everything `snapshot` refers to. A version saved on the server may
 * need edits that have not reached this device yet; rendering it before they arrive would show
 * a wrong text, so callers wait instead.
 */
export function hasSnapshotContent(doc: Y.Doc, snapshot: Y.Snapshot): boolean {
  for (const [client, clock] of snapshot.sv) {
    if (Y.getState(doc.store, client) < clock) {
      return false;
    }
  }
  return true;
}

/** Decodes a snapshot sent as base64 (`Y.encodeSnapshot`); null when it is not one. */
export function decodeSnapshotBase64(base64: string): Y.Snapshot | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return Y.decodeSnapshot(bytes);
  } catch {
    return null;
  }
}

/** Encodes a snapshot as base64, the way versions and signatures carry it. */
export function encodeSnapshotBase64(snapshot: Y.Snapshot): string {
  const bytes = Y.encodeSnapshot(snapshot);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
