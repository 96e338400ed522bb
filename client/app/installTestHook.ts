import * as Y from 'yjs';
import { ContentField, parseDocId, roomNameOf } from '../../shared';
import type { DiagnosticsSnapshot } from '../core/diagnostics';
import { fragmentText } from '../core/rooms';
import { IDLE_SYNC_STATE } from '../core/sync';
import type { AppServices } from '../ui/services/services';

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
  /** A form's unsaved input as kept on this device (`FormDraftStore`); null when none is. */
  keptForm(form: string): Promise<unknown>;
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
  /** The failures the app went on after, counted by where they happened. */
  diagnostics(): DiagnosticsSnapshot;
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
export function installTestHook(app: AppServices): void {
  const openSession = (docIdText: string) => {
    const docId = parseDocId(docIdText);
    return docId === null ? null : (app.account.getSnapshot()?.rooms.findContent(docId) ?? null);
  };
  window.__jianyan = {
    docText(docIdText) {
      const session = openSession(docIdText);
      return session === null ? null : textOf(session.doc);
    },
    async keptForm(form) {
      return (await app.account.getSnapshot()?.store.forms.read(form)) ?? null;
    },
    async storedDocText(docIdText) {
      const docId = parseDocId(docIdText);
      const store = app.account.getSnapshot()?.store ?? null;
      const updates = docId === null || store === null ? [] : await store.updates.read(roomNameOf(docId));
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
      const connection = openSession(docIdText)?.connection.getSnapshot() ?? null;
      if (connection === null) {
        return null;
      }
      const { phase, unsent, isHeld } = connection.status.getSnapshot();
      return { phase, unsent, held: connection.heldCount, isHeld: isHeld === true };
    },
    auth() {
      const state = app.auth.getSnapshot();
      const me = state.status === 'signed_in' || state.status === 'expired' ? state.me : null;
      return { status: state.status, userId: me?.id ?? null, name: me?.name ?? null };
    },
    outbox() {
      const summary = app.account.getSnapshot()?.outbox.summary.getSnapshot() ?? { pending: 0, problems: [] };
      return { pending: summary.pending, problems: summary.problems.map(({ id, message }) => ({ id, message })) };
    },
    backgroundSync() {
      return app.account.getSnapshot()?.backgroundSync.state.getSnapshot() ?? IDLE_SYNC_STATE;
    },
    access(docIdText) {
      const docId = parseDocId(docIdText);
      const workspace = app.account.getSnapshot()?.workspace ?? null;
      if (docId === null) {
        return 'not_found';
      }
      return workspace === null ? 'none' : workspace.accessOf(docId);
    },
    unsentCount(docIdText) {
      const store = app.account.getSnapshot()?.store ?? null;
      if (store === null) {
        return Promise.resolve(0);
      }
      if (docIdText === undefined) {
        return store.updates.countUnsent(null);
      }
      const docId = parseDocId(docIdText);
      return docId === null ? Promise.resolve(0) : store.updates.countUnsent(roomNameOf(docId));
    },
    diagnostics() {
      return app.diagnostics.snapshot();
    },
  };
}
