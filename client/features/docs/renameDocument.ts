import { ContentField, type DocId, MAX_TITLE_LENGTH } from '../../../shared';
import { ClientError, ClientErrorCode } from '../../core/errors';
import type { Store } from '../../core/lib';
import type { Rooms } from '../../core/rooms';
import type { DocRowStore } from '../../core/storage';
import { setText } from '../../editor/textDiff';

/** How long a rename waits for a document that is not on the device yet to arrive. */
const FETCH_TIMEOUT_MS = 15_000;

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

export interface RenameServices {
  readonly rooms: Pick<Rooms, 'openContent'>;
  readonly docs: Pick<DocRowStore, 'saveLocal'>;
}

/**
 * Renames a document by editing its collaborative title, like typing in the title field: the
 * change is stored on the device and sent when the document is connected. Throws `not_on_device`
 * when its content is not on this device and does not arrive.
 */
export async function renameDocument(services: RenameServices, docId: DocId, title: string): Promise<void> {
  const handle = services.rooms.openContent(docId);
  try {
    const { session } = handle;
    await waitFor(session.state, (state) => state.phase !== 'loading', Number.POSITIVE_INFINITY);
    const state = session.state.getSnapshot();
    if (state.phase === 'failed') {
      throw new Error(state.message);
    }
    if (!(await waitFor(session.hasContent, Boolean, navigator.onLine ? FETCH_TIMEOUT_MS : 0))) {
      throw new ClientError({ code: ClientErrorCode.notOnDevice, message: `Document ${docId} is not on this device` });
    }
    const next = title.trim().slice(0, MAX_TITLE_LENGTH);
    setText(session.doc.getText(ContentField.title), next, null);
    await services.docs.saveLocal(docId, { title: next, updatedAt: Date.now() });
    await session.whenSaved();
  } finally {
    handle.release();
  }
}
