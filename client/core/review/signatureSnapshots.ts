import type { UserId } from '../../../shared';
import type { DocActivity } from '../../../shared/api/review';
import type { Cosigner } from '../../../shared/api/schemas';

/**
 * The snapshot each signed co-signer signed, by user. The server sends signature snapshots only
 * with a document's activity (and the signature routes' answers, which are followed by a fetch of
 * the activity): everywhere else a record's snapshots are null. So the cached activity's record
 * is read first, and the record's own snapshot is the fallback when it has one. An activity that
 * knows an older signature of the person (a different `signedAt`) does not count: that snapshot
 * is not what they signed last. A co-signer without a snapshot is absent (its state is unknown).
 */
export function signedSnapshots(
  cosigners: readonly Cosigner[],
  activity: DocActivity | null,
): ReadonlyMap<UserId, string> {
  const cached = new Map<UserId, Cosigner>();
  for (const each of activity?.record.cosigners ?? []) {
    cached.set(each.userId, each);
  }
  const snapshots = new Map<UserId, string>();
  for (const cosigner of cosigners) {
    if (cosigner.state !== 'signed') {
      continue;
    }
    const known = cached.get(cosigner.userId);
    const isSameSignature =
      known?.state === 'signed' &&
      known.snapshot !== null &&
      (known.signedAt === null || cosigner.signedAt === null || known.signedAt === cosigner.signedAt);
    const snapshot = isSameSignature ? known.snapshot : cosigner.snapshot;
    if (snapshot !== null) {
      snapshots.set(cosigner.userId, snapshot);
    }
  }
  return snapshots;
}
