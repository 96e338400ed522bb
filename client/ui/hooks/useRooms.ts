import { useEffect, useState } from 'react';
import type { DocId } from '../../../shared';
import type { Claim, ClaimOptions, CommentsSession, ContentSession } from '../../core/rooms';
import { useAccount } from '../services/useServices';

function useClaim<S extends { readonly docId: DocId }>(
  docId: DocId | null,
  open: (docId: DocId, options?: ClaimOptions) => Claim<S>,
): S | null {
  const [session, setSession] = useState<S | null>(null);
  useEffect(() => {
    if (docId === null) {
      setSession(null);
      return undefined;
    }
    const claim = open(docId);
    setSession(claim.session);
    return () => claim.release();
  }, [docId, open]);
  return session?.docId === docId ? session : null;
}

/** Claims the document's content while the component is mounted; null until the first effect. */
export function useContentSession(docId: DocId): ContentSession | null {
  const { rooms } = useAccount();
  return useClaim(docId, rooms.openContent);
}

/**
 * Claims the document's comments while the component is mounted; null until the first effect, and
 * for null (a handling unit, which never reads the discussion: P16).
 */
export function useCommentsSession(docId: DocId | null): CommentsSession | null {
  const { rooms } = useAccount();
  return useClaim(docId, rooms.openComments);
}
