import { useEffect, useMemo, useState } from 'react';
import type { DocId, UserId } from '../../../shared';
import type { DocActivity } from '../../../shared/api/review';
import type { Cosigner } from '../../../shared/api/schemas';
import { type InboxSnapshot, type QueuedReview, queuedReviewOf, signedSnapshots } from '../../core/review';
import { useAccount } from '../services/useServices';
import { useStore } from './useStore';

/**
 * A document's record, timeline, versions and the user's last review, from the device's cache;
 * fetched when a page shows it, when the network returns and when its record changes. Null
 * before the first fetch on this device.
 */
export function useDocActivity(docId: DocId): DocActivity | null {
  const { review } = useAccount();
  const [activity, setActivity] = useState<{ docId: DocId; value: DocActivity | null } | null>(null);
  useEffect(() => review.observeActivity(docId, (value) => setActivity({ docId, value })), [review, docId]);
  useEffect(() => review.watchActivity(docId), [review, docId]);
  return activity?.docId === docId ? activity.value : null;
}

/**
 * The snapshot each signed co-signer signed, by user: from the cached activity (the only place
 * the server sends them), else from the record when it carries one.
 */
export function useSignedSnapshots(docId: DocId, cosigners: readonly Cosigner[]): ReadonlyMap<UserId, string> {
  const activity = useDocActivity(docId);
  return useMemo(() => signedSnapshots(cosigners, activity), [cosigners, activity]);
}

/** What of a document's review waits in the outbox or was refused. */
export function useQueuedReview(docId: DocId): QueuedReview {
  const { outbox } = useAccount();
  const { rows } = useStore(outbox.state);
  const { problems } = useStore(outbox.summary);
  const requesting = useStore(outbox.requesting);
  return useMemo(() => queuedReviewOf({ docId, rows, problems, requesting }), [rows, problems, docId, requesting]);
}

/** The signed-in user's notifications on this device, newest first, and how many are unread. */
export function useInbox(): InboxSnapshot {
  return useStore(useAccount().review.inbox);
}

/** How many notifications are unread; updates live. */
export function useUnreadCount(): number {
  return useInbox().unread;
}
