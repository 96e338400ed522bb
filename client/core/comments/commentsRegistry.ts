import type { DocId } from '../../../shared';
import type { AppServices } from '../../app/services';
import { type Claim, type ClaimOptions, ClaimRegistry } from '../rooms/claimRegistry';
import { CommentsSession } from './CommentsSession';

/** A claim on a document's open comments; call `release` exactly once when done. */
export type CommentsHandle = Claim<CommentsSession>;

const registry = new ClaimRegistry<CommentsSession>();

/**
 * Opens a document's comments (or reuses them) and claims them: one session per document per
 * tab, shared by the side panel, the editor's highlights and a background sync.
 */
export function acquireCommentsSession(
  services: Pick<AppServices, 'db' | 'health' | 'gate'>,
  docId: DocId,
  options: ClaimOptions = {},
): CommentsHandle {
  const open = (): CommentsSession => {
    const { db, health, gate } = services;
    const session = new CommentsSession({ db, health, docId, gate });
    void session.open();
    return session;
  };
  return registry.claim(docId, open, options);
}
