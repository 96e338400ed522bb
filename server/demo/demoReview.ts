import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DocEvent } from '../../shared/api/review';
import type { DemoDraft } from '../../shared/demo/drafts';
import { type DocId, DocKind, type DocStatus, type UserId, WORKFLOW } from '../../shared/index';
import { encodeCurrentSnapshot } from '../review/contentSnapshots';
import { transitionVersionName } from '../review/versionNames';
import type { NewTransition, ReviewStore } from '../storage/ReviewStore';

const HOUR_MS = 60 * 60 * 1000;

/** One draft as loadDemo stored it, with the people of its review found by username. */
export interface StoredDemoDraft {
  readonly id: DocId;
  readonly draft: DemoDraft;
  /** The draft's content as stored: its only update. */
  readonly content: Uint8Array;
  readonly createdAt: number;
  readonly userId: (username: string) => UserId;
}

function eventOf(id: DocId, type: DocEvent['type'], actorId: UserId, at: number): DocEvent {
  return {
    id: randomUUID(),
    docId: id,
    type,
    actorId,
    at,
    reason: null,
    versionId: null,
    subjectId: null,
    fromStatus: null,
    toStatus: null,
  };
}

function transitionOf(
  stored: StoredDemoDraft,
  step: {
    transition: 'submit' | 'return';
    by: UserId;
    at: number;
    from: DocStatus;
    reason: string | null;
  },
  snapshot: Uint8Array,
): NewTransition {
  const rule = WORKFLOW[step.transition];
  const version = {
    id: randomUUID(),
    docId: stored.id,
    // A demo draft is submitted, and returned, once.
    name: transitionVersionName(rule.versionCause, 1, step.at),
    cause: rule.versionCause,
    createdBy: step.by,
    createdAt: step.at,
    snapshot,
  } as const;
  return {
    requestId: randomUUID(),
    event: {
      ...eventOf(stored.id, rule.event, step.by, step.at),
      reason: step.reason,
      versionId: version.id,
      fromStatus: step.from,
      toStatus: rule.to,
    },
    version,
    reviewedVersionId: rule.isReview ? version.id : null,
    notifications: [],
  };
}

/**
 * Gives a demo draft the review records a real one would have: on a proposal its co-authors have
 * co-signed the stored content, and a draft marked for review was submitted by its creator (and
 * returned by its reviewer with a reason), each with its named version.
 */
export async function recordDemoReview(reviews: ReviewStore, stored: StoredDemoDraft): Promise<void> {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, stored.content);
  const snapshot = encodeCurrentSnapshot(doc);
  doc.destroy();
  const { draft, id } = stored;
  const creator = stored.userId(draft.createdBy);
  if (draft.kind === DocKind.proposal) {
    for (const [index, username] of draft.coAuthors.entries()) {
      const at = stored.createdAt + HOUR_MS + index * 60_000;
      const userId = stored.userId(username);
      await reviews.sign({ docId: id, userId, at, snapshot, event: eventOf(id, 'cosigned', userId, at) });
    }
  }
  if (draft.review === undefined) {
    return;
  }
  const submittedAt = stored.createdAt + 2 * HOUR_MS;
  const submit = { transition: 'submit', by: creator, at: submittedAt, from: 'draft', reason: null } as const;
  await reviews.applyTransition(transitionOf(stored, submit, snapshot));
  if (draft.review.status === 'returned') {
    const { reviewer, reason } = draft.review;
    const back = { transition: 'return', by: stored.userId(reviewer), at: submittedAt + 20 * HOUR_MS, reason } as const;
    await reviews.applyTransition(transitionOf(stored, { ...back, from: 'in_review' }, snapshot));
  }
}
