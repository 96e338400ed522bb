import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { ContentField } from '../../../shared';

/**
 * How a co-signer's signature stands against the live document: the visible content is the one
 * signed (`current`), it changed since (`outdated`), or this device cannot tell yet (`unknown`:
 * the snapshot names changes the device has not received, or it is not a snapshot at all).
 */
export type SignatureState = 'current' | 'outdated' | 'unknown';

/** `Y.encodeSnapshot` of the document as it is now, in base64: what signing sends. */
export function encodeSignatureSnapshot(doc: Y.Doc): string {
  return toBase64(Y.encodeSnapshot(Y.snapshot(doc)));
}

/** The snapshot, or null when the text is not one. */
export function decodeSignatureSnapshot(base64: string): Y.Snapshot | null {
  try {
    return Y.decodeSnapshot(fromBase64(base64));
  } catch {
    return null;
  }
}

/** Whether every change and deletion the snapshot names is in `doc`: only then can it be rebuilt. */
function canRebuild(doc: Y.Doc, snapshot: Y.Snapshot): boolean {
  for (const [client, clock] of snapshot.sv) {
    if (Y.getState(doc.store, client) < clock) {
      return false;
    }
  }
  const live = Y.mergeDeleteSets([Y.createDeleteSetFromStructStore(doc.store)]);
  return Y.equalDeleteSets(Y.mergeDeleteSets([live, snapshot.ds]), live);
}

/** What a reader sees of a content document: its title and its body's markup. */
function visibleContent(doc: Y.Doc): string {
  return `${doc.getText(ContentField.title).toString()}\n${doc.getXmlFragment(ContentField.body).toString()}`;
}

/**
 * Compares the content signed (rebuilt from the snapshot; `doc` has gc off) with the live
 * content. Changes that leave the visible content as it was (typing and deleting the same
 * word) do not make a signature outdated.
 */
export function signatureStateOf(doc: Y.Doc, snapshotBase64: string): SignatureState {
  const snapshot = decodeSignatureSnapshot(snapshotBase64);
  if (snapshot === null || doc.gc || !canRebuild(doc, snapshot)) {
    return 'unknown';
  }
  const signed = new Y.Doc({ gc: false });
  try {
    Y.createDocFromSnapshot(doc, snapshot, signed);
    return visibleContent(signed) === visibleContent(doc) ? 'current' : 'outdated';
  } catch {
    return 'unknown';
  } finally {
    signed.destroy();
  }
}
