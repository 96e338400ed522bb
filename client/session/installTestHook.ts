import { ContentField, parseDocId } from '../../shared';
import { fragmentText } from './docText';
import { findOpenSession } from './sessionRegistry';

/** What browser tests read through `window.__jianyan`. */
export interface JianyanTestHook {
  /** Title and body text of a document open in this tab; null when it is not open. */
  docText(docId: string): { readonly title: string; readonly body: string } | null;
  /** The sync status of a document open in this tab. */
  syncStatus(docId: string): { readonly phase: string; readonly unsent: number; readonly held: number } | null;
}

declare global {
  interface Window {
    __jianyan?: JianyanTestHook;
  }
}

/**
 * Exposes read-only views of open documents for the end-to-end tests: they compare document
 * state, which the editor's DOM (with caret labels of others) does not show faithfully.
 */
export function installTestHook(): void {
  window.__jianyan = {
    docText(docIdText) {
      const docId = parseDocId(docIdText);
      const session = docId === null ? null : findOpenSession(docId);
      if (session === null) {
        return null;
      }
      return {
        title: session.doc.getText(ContentField.title).toString(),
        body: fragmentText(session.doc.getXmlFragment(ContentField.body)),
      };
    },
    syncStatus(docIdText) {
      const docId = parseDocId(docIdText);
      const connection = docId === null ? null : findOpenSession(docId)?.connection.getSnapshot();
      if (connection === null || connection === undefined) {
        return null;
      }
      const { phase, unsent } = connection.status.getSnapshot();
      return { phase, unsent, held: connection.heldCount };
    },
  };
}
