import type { DocId } from '../../shared';
import type { AppServices } from '../app/services';
import { DocSession } from './DocSession';

/**
 * Keep a released session open this long: React may remount at once (StrictMode, quick
 * back-and-forth navigation), and a rename from the list can reuse it.
 */
const SESSION_LINGER_MS = 3000;

interface Entry {
  readonly session: DocSession;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<DocId, Entry>();

/** A claim on an open document; call `release` exactly once when done. */
export interface SessionHandle {
  readonly session: DocSession;
  release(): void;
}

export interface AcquireOptions {
  /**
   * How long the session stays open after the last claim is released. A background sync passes 0:
   * it opens hundreds of documents one after another and nobody comes back to them.
   */
  readonly lingerMs?: number;
}

/** Opens a document (or reuses the open one) and claims it. One session per document per tab. */
export function acquireSession(services: AppServices, docId: DocId, options: AcquireOptions = {}): SessionHandle {
  const lingerMs = options.lingerMs ?? SESSION_LINGER_MS;
  let entry = entries.get(docId);
  if (entry === undefined) {
    const { db, health, identity, gate } = services;
    const session = new DocSession({ db, health, docId, identity, gate });
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

/** The open session of a document in this tab, if any (for the test hook and diagnostics). */
export function findOpenSession(docId: DocId): DocSession | null {
  return entries.get(docId)?.session ?? null;
}
