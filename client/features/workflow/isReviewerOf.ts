import { Action, can, DocStatus, documentTarget } from '../../../shared';
import type { DocRecord, Me } from '../../../shared/api/schemas';

/**
 * Whether the user reviews documents like this one (a chair, or the group's convener), whatever
 * its status: whether `can()` would let them return it were it in review. The permission rules
 * decide, so a change of who reviews changes every button that asks.
 */
export function isReviewerOf(me: Me | null, record: DocRecord | undefined): boolean {
  if (me === null || record === undefined) {
    return false;
  }
  return can(me, Action.returnDocument, { ...documentTarget(record), status: DocStatus.inReview, isArchived: false });
}
