import type * as Y from 'yjs';
import type { Cosigner } from '../../shared/api/schemas';
import { isSignatureOutdated, type UserId } from '../../shared/index';
import { copyOf, decodeUntrustedSnapshot, isSnapshotContained } from './contentSnapshots';

/** The co-signers who have signed a snapshot: the only ones whose signature can be outdated. */
export function signedCosigners(cosigners: readonly Cosigner[]): Cosigner[] {
  return cosigners.filter((cosigner) => cosigner.state === 'signed' && cosigner.snapshot !== null);
}

/**
 * The co-signers whose signature is outdated in `doc` (the server's content): someone else
 * changed the title or body since they signed (`isSignatureOutdated`, RULES.md S1, the rule the
 * client shows too). Their own later edits, and changes that leave the visible content as it was
 * (an edit undone), keep a signature valid. A stored snapshot
 * that no longer decodes or fits the document counts as outdated: the co-signer is asked to sign
 * again. `doc` is not changed: the work is done on a copy.
 */
export function outdatedSigners(doc: Y.Doc, cosigners: readonly Cosigner[]): UserId[] {
  const signed = signedCosigners(cosigners);
  if (signed.length === 0) {
    return [];
  }
  // Rebuilding a past state splits items of the document it reads: work on a copy.
  const copy = copyOf(doc);
  try {
    return signed
      .filter((cosigner) => {
        const snapshot = decodeUntrustedSnapshot(Buffer.from(cosigner.snapshot ?? '', 'base64'));
        if (snapshot === null || !isSnapshotContained(copy, snapshot)) {
          return true;
        }
        return isSignatureOutdated(copy, snapshot, cosigner.userId);
      })
      .map((cosigner) => cosigner.userId);
  } finally {
    copy.destroy();
  }
}
