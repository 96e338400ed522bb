import type { Cosigner } from '../../shared/api/schemas';
import type { DocId, UserId } from '../../shared/index';
import {
  type ContentReader,
  copyOf,
  decodeUntrustedSnapshot,
  isSnapshotContained,
  visibleContent,
  visibleContentAt,
} from './contentSnapshots';

/**
 * The co-signers whose signature no longer matches what the document shows: the title or body
 * rebuilt from the snapshot they signed differs from the current ones. Changes that leave the
 * visible content as it was (an edit undone) keep a signature valid. A stored snapshot that no
 * longer decodes or fits the document counts as outdated: the co-signer is asked to sign again.
 */
export async function outdatedSigners(
  content: ContentReader,
  docId: DocId,
  cosigners: readonly Cosigner[],
): Promise<UserId[]> {
  const signed = cosigners.filter((cosigner) => cosigner.state === 'signed' && cosigner.snapshot !== null);
  if (signed.length === 0) {
    return [];
  }
  // Rebuilding a past state splits items of the document it reads: work on a copy.
  const copy = await content.readContent(docId, copyOf);
  try {
    const current = visibleContent(copy);
    return signed
      .filter((cosigner) => {
        const snapshot = decodeUntrustedSnapshot(Buffer.from(cosigner.snapshot ?? '', 'base64'));
        if (snapshot === null || !isSnapshotContained(copy, snapshot)) {
          return true;
        }
        const then = visibleContentAt(copy, snapshot);
        return then.title !== current.title || then.body !== current.body;
      })
      .map((cosigner) => cosigner.userId);
  } finally {
    copy.destroy();
  }
}
