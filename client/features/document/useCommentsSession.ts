import { useEffect, useState } from 'react';
import type { DocId } from '../../../shared';
import { getServices } from '../../app/services';
import type { CommentsSession } from '../../core/comments/CommentsSession';
import { acquireCommentsSession } from '../../core/comments/commentsRegistry';

/** Claims the document's comments while the component is mounted; null until the first effect. */
export function useCommentsSession(docId: DocId): CommentsSession | null {
  const [session, setSession] = useState<CommentsSession | null>(null);
  useEffect(() => {
    const handle = acquireCommentsSession(getServices(), docId);
    setSession(handle.session);
    return () => {
      handle.release();
    };
  }, [docId]);
  return session?.docId === docId ? session : null;
}
