import { Action, can, DocStatus, documentTarget, Role } from '../../../shared';
import type { DocRecord, Me } from '../../../shared/api/schemas';

/**
 * Why a document waits for the person: returned to their group, their own draft, theirs to
 * review, or approved and theirs to file (待立案).
 */
export type WaitingReason = 'returned' | 'draft' | 'review' | 'filing';

export interface WaitingDoc {
  readonly doc: DocRecord;
  readonly reason: WaitingReason;
}

function isInMyGroups(me: Me, doc: DocRecord): boolean {
  return doc.groupId !== null && me.groupIds.includes(doc.groupId);
}

function isMine(me: Me, doc: DocRecord): boolean {
  return doc.createdBy === me.id || doc.authorIds.includes(me.id);
}

/** Chairs review every group's documents; a convener reviews those of the groups they convene. */
function reviews(me: Me, doc: DocRecord): boolean {
  return me.role === Role.chair || (me.role === Role.convener && isInMyGroups(me, doc));
}

function reasonFor(me: Me, doc: DocRecord): WaitingReason | null {
  if (doc.status === DocStatus.returned && isInMyGroups(me, doc)) {
    return 'returned';
  }
  if (doc.status === DocStatus.draft && isMine(me, doc)) {
    return 'draft';
  }
  if (doc.status === DocStatus.inReview && reviews(me, doc)) {
    return 'review';
  }
  if (doc.status === DocStatus.approved && can(me, Action.fileDocument, documentTarget(doc))) {
    return 'filing';
  }
  return null;
}

const ORDER: Record<WaitingReason, number> = { returned: 0, review: 1, filing: 1, draft: 2 };

/**
 * What waits for the person on the home page: documents returned to their groups first, then
 * documents for them to review or file, then their own drafts; most recently changed first
 * within each.
 * Archived documents wait for nobody.
 */
export function waitingDocs(me: Me, docs: readonly DocRecord[]): WaitingDoc[] {
  const waiting: WaitingDoc[] = [];
  for (const doc of docs) {
    const reason = doc.isArchived ? null : reasonFor(me, doc);
    if (reason !== null) {
      waiting.push({ doc, reason });
    }
  }
  return waiting.sort((a, b) => ORDER[a.reason] - ORDER[b.reason] || b.doc.updatedAt - a.doc.updatedAt);
}
