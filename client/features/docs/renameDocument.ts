import { ContentField, type DocId, MAX_TITLE_LENGTH } from '../../../shared';
import type { AppServices } from '../../app/services';
import type { Store } from '../../core/lib/createStore';
import { acquireSession } from '../../core/rooms/sessionRegistry';
import { saveDocRecord } from '../../core/storage/docRecords';
import { setText } from '../../editor/textDiff';

/** How long a rename waits for a document that is not on the device yet to arrive. */
const FETCH_TIMEOUT_MS = 15_000;

/** Thrown when the document cannot be renamed because its content is not on this device. */
export class NotOnDeviceError extends Error {
  readonly code = 'not_on_device';
}

function waitFor<T>(store: Store<T>, isDone: (value: T) => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (isDone(store.getSnapshot())) {
      resolve(true);
      return;
    }
    // setTimeout treats Infinity as 0: wait without a timer then.
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => finish(false), timeoutMs) : undefined;
    const unsubscribe = store.subscribe(() => {
      if (isDone(store.getSnapshot())) {
        finish(true);
      }
    });
    function finish(result: boolean): void {
      clearTimeout(timer);
      unsubscribe();
      resolve(result);
    }
  });
}

/**
 * Renames a document by editing its collaborative title, like typing in the title field: the
 * change is stored on the device and sent when the document is connected.
 */
export async function renameDocument(services: AppServices, docId: DocId, title: string): Promise<void> {
  const handle = acquireSession(services, docId);
  try {
    const { session } = handle;
    await waitFor(session.state, (state) => state.phase !== 'loading', Number.POSITIVE_INFINITY);
    const state = session.state.getSnapshot();
    if (state.phase === 'failed') {
      throw new Error(state.message);
    }
    if (!(await waitFor(session.hasContent, Boolean, navigator.onLine ? FETCH_TIMEOUT_MS : 0))) {
      throw new NotOnDeviceError(`Document ${docId} is not on this device`);
    }
    const next = title.trim().slice(0, MAX_TITLE_LENGTH);
    setText(session.doc.getText(ContentField.title), next, null);
    await saveDocRecord(services.db, docId, { title: next, updatedAt: Date.now() });
    await session.whenSaved();
  } finally {
    handle.release();
  }
}
