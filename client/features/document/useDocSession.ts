import { useEffect, useState } from 'react';
import type { DocId } from '../../../shared';
import { getServices } from '../../app/services';
import type { DocSession } from '../../core/rooms/DocSession';
import { acquireSession } from '../../core/rooms/sessionRegistry';

/** Claims the document's session while the component is mounted; null until the first effect. */
export function useDocSession(docId: DocId): DocSession | null {
  const [session, setSession] = useState<DocSession | null>(null);
  useEffect(() => {
    const handle = acquireSession(getServices(), docId);
    setSession(handle.session);
    return () => {
      handle.release();
    };
  }, [docId]);
  return session?.docId === docId ? session : null;
}
