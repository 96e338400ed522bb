import type { DocId } from '../../../shared';

/**
 * Keep a released session open this long: React may remount at once (StrictMode, quick
 * back-and-forth navigation), and a rename from the list can reuse it.
 */
export const SESSION_LINGER_MS = 3000;

/** A claim on an open session; call `release` exactly once when done. */
export interface Claim<S> {
  readonly session: S;
  release(): void;
}

export interface ClaimOptions {
  /**
   * How long the session stays open after the last claim is released. A background sync passes 0:
   * it opens hundreds of documents one after another and nobody comes back to them.
   */
  readonly lingerMs?: number;
}

interface Entry<S> {
  readonly session: S;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * One open session per document per tab, counted by claims: the first claim opens it, the last
 * release closes it after a while. Used for the content and the comments of documents.
 */
export class ClaimRegistry<S extends { destroy(): void }> {
  readonly #entries = new Map<DocId, Entry<S>>();

  /** Claims the document's session; `open` makes (and starts opening) one when there is none. */
  claim(docId: DocId, open: () => S, options: ClaimOptions = {}): Claim<S> {
    const lingerMs = options.lingerMs ?? SESSION_LINGER_MS;
    let entry = this.#entries.get(docId);
    if (entry === undefined) {
      entry = { session: open(), refs: 0, closeTimer: null };
      this.#entries.set(docId, entry);
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
      release: () => {
        if (isReleased) {
          return;
        }
        isReleased = true;
        claimed.refs -= 1;
        if (claimed.refs === 0) {
          claimed.closeTimer = setTimeout(() => {
            this.#entries.delete(docId);
            claimed.session.destroy();
          }, lingerMs);
        }
      },
    };
  }

  /** The open session of a document, if any. */
  find(docId: DocId): S | null {
    return this.#entries.get(docId)?.session ?? null;
  }

  /** Closes every session now, claimed or lingering (signing out); later releases do nothing. */
  closeAll(): void {
    for (const entry of this.#entries.values()) {
      if (entry.closeTimer !== null) {
        clearTimeout(entry.closeTimer);
      }
      entry.refs = Number.POSITIVE_INFINITY;
      entry.session.destroy();
    }
    this.#entries.clear();
  }
}
