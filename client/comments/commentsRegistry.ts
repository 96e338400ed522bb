import type { DocId } from '../../shared';
import type { AppServices } from '../app/services';
import { CommentsSession } from './CommentsSession';

/** Keep a released session open this long: React remounts at once (StrictMode, quick navigation). */
const SESSION_LINGER_MS = 3000;

interface Entry {
  readonly session: CommentsSession;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<DocId, Entry>();

/** A claim on a document's open comments; call `release` exactly once when done. */
export interface CommentsHandle {
  readonly session: CommentsSession;
  release(): void;
}

/**
 * Opens a document's comments (or reuses them) and claims them: one session per document per
 * tab, shared by the side panel, the editor's highlights and a background sync.
 */
export function acquireCommentsSession(
  services: Pick<AppServices, 'db' | 'health' | 'gate'>,
  docId: DocId,
  options: { readonly lingerMs?: number } = {},
): CommentsHandle {
  const lingerMs = options.lingerMs ?? SESSION_LINGER_MS;
  let entry = entries.get(docId);
  if (entry === undefined) {
    const { db, health, gate } = services;
    const session = new CommentsSession({ db, health, docId, gate });
    entry = { session, refs: 0, closeTimer: null };
    entries.set(docId, entry);
    void session.open();
  }
  const claimed = entry;
  claimed.refs += 1;
  if (claimed.closeTimer !== null) {
    clearTimeout(claimed.closeTimer);
    claimed.closeTimer = null;
  }
  let isReleased = false;
  return {
    session: claimed.session,
    release() {
      if (isReleased) {
        return;
      }
      isReleased = true;
      claimed.refs -= 1;
      if (claimed.refs === 0) {
        claimed.closeTimer = setTimeout(() => {
          entries.delete(docId);
          claimed.session.destroy();
        }, lingerMs);
      }
    },
  };
}

/** The open comments of a document in this tab, if any. */
export function findOpenComments(docId: DocId): CommentsSession | null {
  return entries.get(docId)?.session ?? null;
}
