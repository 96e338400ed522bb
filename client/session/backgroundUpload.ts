import type { DocId } from '../../shared';
import type { AppServices } from '../app/services';
import { watchUnsentCount } from '../storage/unsentCount';
import { acquireSession, findOpenSession } from './sessionRegistry';

/** Give one document this long to upload before moving on to the next. */
const UPLOAD_TIMEOUT_MS = 20_000;
/** Wait this long after a change before looking for documents to upload; retry after failures. */
const RESCAN_DELAY_MS = 5_000;

/** Documents of this device with unsent changes that no page has open. */
async function docsToUpload(services: AppServices): Promise<DocId[]> {
  const ids = (await services.db.unsent.orderBy('docId').uniqueKeys()) as DocId[];
  return ids.filter((id) => findOpenSession(id) === null);
}

/** Opens a document just long enough for the server to acknowledge its unsent changes. */
function uploadOne(services: AppServices, docId: DocId): Promise<void> {
  const handle = acquireSession(services, docId);
  return new Promise<void>((resolve) => {
    let stopStatus: () => void = () => {};
    const timer = setTimeout(finish, UPLOAD_TIMEOUT_MS);
    const stopConnection = handle.session.connection.subscribe(watch);
    watch();
    function watch(): void {
      const connection = handle.session.connection.getSnapshot();
      if (connection === null) {
        return;
      }
      stopStatus();
      stopStatus = connection.status.subscribe(check);
      check();
    }
    function check(): void {
      const status = handle.session.connection.getSnapshot()?.status.getSnapshot();
      if (status !== undefined && status.phase !== 'syncing') {
        finish();
      }
    }
    function finish(): void {
      clearTimeout(timer);
      stopConnection();
      stopStatus();
      handle.release();
      resolve();
    }
  });
}

/**
 * Uploads changes of documents that are not open (edited offline, renamed from the list), one
 * document at a time, whenever the device is online and such changes exist. Returns a stop
 * function.
 */
export function startBackgroundUpload(services: AppServices): () => void {
  let isRunning = false;
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = async (): Promise<void> => {
    if (isRunning || isStopped || !navigator.onLine) {
      return;
    }
    isRunning = true;
    try {
      for (const docId of await docsToUpload(services)) {
        if (isStopped || !navigator.onLine) {
          break;
        }
        await uploadOne(services, docId);
      }
    } catch {
      // Reading the device store failed; the next change or reconnect tries again.
    } finally {
      isRunning = false;
    }
  };
  const schedule = (): void => {
    if (timer === null && !isStopped) {
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, RESCAN_DELAY_MS);
    }
  };
  const stopCount = watchUnsentCount(services.db, null, (count) => {
    if (count > 0) {
      schedule();
    }
  });
  window.addEventListener('online', schedule);
  return () => {
    isStopped = true;
    stopCount();
    window.removeEventListener('online', schedule);
    if (timer !== null) {
      clearTimeout(timer);
    }
  };
}
