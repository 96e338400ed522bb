import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { isSignatureOutdated } from '../../../shared';

/**
 * How a co-signer's signature stands against the live document: nobody else changed the visible
 * content since they signed (`current`), someone did (`outdated`, RULES.md S1), or this device cannot tell yet (`unknown`:
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

/**
 * Judges `signerId`'s signature against the live content (`doc` has gc off) by the rule the
 * server reminds co-signers by (`isSignatureOutdated`): the signer's own later edits, and changes
 * that leave the visible content as it was (typing and deleting the same word), keep it current.
 */
export function signatureStateOf(doc: Y.Doc, snapshotBase64: string, signerId: string): SignatureState {
  const snapshot = decodeSignatureSnapshot(snapshotBase64);
  if (snapshot === null || doc.gc || !canRebuild(doc, snapshot)) {
    return 'unknown';
  }
  try {
    return isSignatureOutdated(doc, snapshot, signerId) ? 'outdated' : 'current';
  } catch {
    return 'unknown';
  }
}
