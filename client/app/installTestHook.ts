import * as Y from 'yjs';
import { ContentField, parseDocId } from '../../shared';
import { fragmentText } from '../core/rooms/docText';
import { findOpenSession } from '../core/rooms/sessionRegistry';
import { readUpdates } from '../core/storage/updateLog';
import { getServices } from './services';

interface DocText {
  readonly title: string;
  readonly body: string;
}

/** What browser tests read through `window.__jianyan`. */
export interface JianyanTestHook {
  /** Title and body text of a document open in this tab; null when it is not open. */
  docText(docId: string): DocText | null;
  /**
   * Title and body text of a document as stored on this device (IndexedDB), open or not; null
   * when the device has nothing of it. Shows what the background sync brought down.
   */
  storedDocText(docId: string): Promise<DocText | null>;
  /** The sync status of a document open in this tab. */
  syncStatus(
    docId: string,
  ): { readonly phase: string; readonly unsent: number; readonly held: number; readonly isHeld: boolean } | null;
  /** The auth state, with the user's id and name when someone is signed in. */
  auth(): { readonly status: string; readonly userId: string | null; readonly name: string | null };
  /** Operations waiting in the outbox, and the refusals among them. */
  outbox(): {
    readonly pending: number;
    readonly problems: readonly { readonly id: string; readonly message: string }[];
  };
  /** The background sync's progress. */
  backgroundSync(): { readonly phase: string; readonly done: number; readonly total: number; readonly failed: number };
  /** What the signed-in user may do with a document (see `useDocAccess`). */
  access(docId: string): string;
  /** Unsent local updates on this device, of one document or of all. */
  unsentCount(docId?: string): Promise<number>;
}

declare global {
  interface Window {
    __jianyan?: JianyanTestHook;
  }
}

function textOf(doc: Y.Doc): DocText {
  return {
    title: doc.getText(ContentField.title).toString(),
    body: fragmentText(doc.getXmlFragment(ContentField.body)),
  };
}

/**
 * Exposes read-only views of documents and of the workspace for the end-to-end tests: they
 * compare document state, which the editor's DOM (with caret labels of others) does not show
 * faithfully, and the device's state, which no page shows exactly.
 */
export function installTestHook(): void {
  window.__jianyan = {
    docText(docIdText) {
      const docId = parseDocId(docIdText);
      const session = docId === null ? null : findOpenSession(docId);
      return session === null ? null : textOf(session.doc);
    },
    async storedDocText(docIdText) {
      const docId = parseDocId(docIdText);
      const updates = docId === null ? [] : await readUpdates(getServices().db, docId);
      if (updates.length === 0) {
        return null;
      }
      const doc = new Y.Doc({ gc: false });
      for (const update of updates) {
        Y.applyUpdate(doc, update);
      }
      const text = textOf(doc);
      doc.destroy();
      return text;
    },
    syncStatus(docIdText) {
      const docId = parseDocId(docIdText);
      const connection = docId === null ? null : findOpenSession(docId)?.connection.getSnapshot();
      if (connection === null || connection === undefined) {
        return null;
      }
      const { phase, unsent, isHeld } = connection.status.getSnapshot();
      return { phase, unsent, held: connection.heldCount, isHeld: isHeld === true };
    },
    auth() {
      const state = getServices().workspace.auth.getSnapshot();
      const me = state.status === 'signed_in' || state.status === 'expired' ? state.me : null;
      return { status: state.status, userId: me?.id ?? null, name: me?.name ?? null };
    },
    outbox() {
      const { pending, problems } = getServices().workspace.outbox.summary.getSnapshot();
      return { pending, problems: problems.map(({ id, message }) => ({ id, message })) };
    },
    backgroundSync() {
      return getServices().workspace.backgroundSync.state.getSnapshot();
    },
    access(docIdText) {
      const docId = parseDocId(docIdText);
      return docId === null ? 'not_found' : getServices().workspace.accessOf(docId);
    },
    unsentCount(docIdText) {
      const { db } = getServices();
      if (docIdText === undefined) {
        return db.unsent.count();
      }
      const docId = parseDocId(docIdText);
      return docId === null ? Promise.resolve(0) : db.unsent.where('docId').equals(docId).count();
    },
  };
}
