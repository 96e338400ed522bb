import type { DocumentTarget } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';

/** A document's record as `can()` sees it. */
export function docTarget(doc: DocRecord): DocumentTarget {
  return {
    type: 'document',
    groupId: doc.groupId,
    status: doc.status,
    isArchived: doc.isArchived,
    createdBy: doc.createdBy,
  };
}
