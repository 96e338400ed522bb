import { useCallback, useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { type DocId, type DocStatus, freezesContent, TRANSITIONS, type UserId } from '../../shared';
import type { DocActivity, Notification, Transition } from '../../shared/api/review';
import type { Cosigner } from '../../shared/api/schemas';
import type { MentionInput } from '../api/ApiClient';
import { getServices } from '../app/services';
import { useLiveQuery } from '../lib/useLiveQuery';
import { useStore } from '../lib/useStore';
import { OutboxOp, type TransitionPayload } from '../storage/JianyanDb';
import { userOf } from '../workspace/AuthStore';
import type { OutboxProblem } from '../workspace/Outbox';
import { readActivity } from './activityCache';
import * as cosign from './cosign';
import type { InboxSnapshot } from './Inbox';
import { signedSnapshots } from './signatureSnapshots';

/**
 * The review as the UI sees it: a document's activity (timeline, versions, co-signers), queued
 * workflow transitions and mentions, and the inbox with its unread count. Everything reads the
 * device's cache, so it works offline; changes made offline are queued in the outbox.
 */

export { UnsentChangesError } from './cosign';
export type { InboxSnapshot } from './Inbox';
export { signedSnapshots } from './signatureSnapshots';
export { type SignatureState, signatureStateOf } from './signatureState';

/**
 * A document's record, timeline, versions and the user's last review, from the device's cache;
 * fetched when a page shows it, when the network returns and when the live stream says the
 * record changed. Null before the first fetch on this device.
 */
export function useDocActivity(docId: DocId): DocActivity | null {
  const { db, workspace } = getServices();
  const auth = useStore(workspace.auth);
  const userId = userOf(auth)?.id ?? null;
  const query = useCallback(() => readActivity(db, docId, userId), [db, docId, userId]);
  const result = useLiveQuery(query);
  useEffect(() => workspace.review.watchActivity(docId), [workspace, docId]);
  return result.status === 'ready' ? result.value : null;
}

/**
 * The snapshot each signed co-signer signed, by user: from the cached activity (the only place
 * the server sends them), else from the record when it carries one.
 */
export function useSignedSnapshots(docId: DocId, cosigners: readonly Cosigner[]): ReadonlyMap<UserId, string> {
  const activity = useDocActivity(docId);
  return useMemo(() => signedSnapshots(cosigners, activity), [cosigners, activity]);
}

/** Fetches a document's activity again (after saving a version, signing, inviting). Never rejects. */
export function refreshDocActivity(docId: DocId): Promise<void> {
  return getServices().workspace.review.refreshActivity(docId);
}

/**
 * Queues a workflow transition: sent when online, and only after the document's changes made on
 * this device are on the server. A refusal becomes an outbox problem (see `useQueuedReview`).
 * Throws ApiError 403 when the cached record already says the user may not.
 */
export function queueTransition(
  docId: DocId,
  input: { readonly action: Transition; readonly fromStatus: DocStatus; readonly reason?: string },
): Promise<void> {
  return getServices().workspace.review.queueTransition(docId, input);
}

/** Takes back a queued transition before its request goes out. Resolves false when it is too late. */
export function cancelQueuedTransition(id: string): Promise<boolean> {
  return getServices().workspace.review.cancelTransition(id);
}

/** Queues the notification of the people a comment mentions; sent when online. */
export function queueMention(docId: DocId, input: MentionInput): Promise<void> {
  return getServices().workspace.review.queueMention(docId, input);
}

/** The signed-in user's notifications on this device, newest first, and how many are unread. */
export function useInbox(): InboxSnapshot {
  return useStore(getServices().workspace.review.inbox);
}

/** How many notifications are unread; updates live. */
export function useUnreadCount(): number {
  return useStore(getServices().workspace.review.inbox).unread;
}

/** Marks notifications read at once, offline too; the server hears when online. */
export function markNotificationsRead(which: readonly string[] | 'all'): Promise<void> {
  return getServices().workspace.review.markRead(which);
}

/** A transition waiting in the outbox: `id` names its row (to take it back). */
export type QueuedTransition = TransitionPayload & { readonly id: string };

/** Transitions that freeze the content: typing after them would be refused by the relay. */
const FREEZING: ReadonlySet<Transition> = new Set<Transition>(TRANSITIONS.filter(freezesContent));

/** Transitions of one document waiting in the outbox, and the refusals among them. */
export interface QueuedReview {
  /** Waiting to be sent (not refused), oldest first. */
  readonly pending: readonly QueuedTransition[];
  /**
   * A submit, approval or filing waits or is on its way: the editor must not take more typing,
   * which the relay would refuse once the status changed and which would then sit unsent here.
   */
  readonly freezesContent: boolean;
  /** The id of the row whose request is out now: it can no longer be taken back. */
  readonly requesting: string | null;
  /** Refused review operations of the document (transitions, mentions). */
  readonly problems: readonly (OutboxProblem & { readonly payload: TransitionPayload | null })[];
}

/** What of a document's review waits in the outbox or was refused. */
export function useQueuedReview(docId: DocId): QueuedReview {
  const { workspace } = getServices();
  const rows = useStore(workspace.outbox.state).rows;
  const summary = useStore(workspace.outbox.summary);
  const requesting = useStore(workspace.outbox.requesting);
  return useMemo(() => {
    const pending: QueuedTransition[] = [];
    const payloads = new Map<string, TransitionPayload>();
    for (const row of rows) {
      if (row.docId === docId && row.op === OutboxOp.transition) {
        payloads.set(String(row.seq), row.payload);
        if (!row.isRefused) {
          pending.push({ ...row.payload, id: String(row.seq) });
        }
      }
    }
    const problems = summary.problems
      .filter((problem) => problem.docId === docId && (problem.op === 'transition' || problem.op === 'mention'))
      .map((problem) => ({ ...problem, payload: payloads.get(problem.id) ?? null }));
    const freezesContent = pending.some((each) => FREEZING.has(each.action));
    return { pending, problems, freezesContent, requesting };
  }, [rows, summary, docId, requesting]);
}

function cosignOptions(): cosign.CosignOptions {
  const { db, api, workspace } = getServices();
  return { db, api, review: workspace.review };
}

/**
 * Co-signs the content as this device has it, once this device's changes are on the server.
 * Online only. Throws UnsentChangesError, ApiError (409: the server lacks what was signed) or
 * NetworkError.
 */
export function signDocument(docId: DocId, doc: Y.Doc): Promise<void> {
  return cosign.signDocument(cosignOptions(), docId, doc);
}

/** Withdraws the user's signature. Online only; throws ApiError or NetworkError. */
export function withdrawSignature(docId: DocId): Promise<void> {
  return cosign.withdrawSignature(cosignOptions(), docId);
}

/** The proposer asks members of the group to co-sign. Online only; throws ApiError or NetworkError. */
export function inviteCosigners(docId: DocId, userIds: readonly UserId[]): Promise<void> {
  return cosign.inviteCosigners(cosignOptions(), docId, userIds);
}

export type { Notification };
