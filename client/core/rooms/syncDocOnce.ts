import type { DocId } from '../../../shared';
import type { AppServices } from '../../app/services';
import { acquireCommentsSession } from '../comments/commentsRegistry';
import type { Store } from '../lib/createStore';
import type { SyncOutcome } from '../sync/BackgroundSync';
import type { DocConnection } from './DocConnection';
import { acquireSession } from './sessionRegistry';
import type { SyncStatus } from './syncStatus';

/**
 * Give one document this long to load and sync: a large document on a slow link takes a while,
 * but one stuck document must not hold a worker of the background sync for good.
 */
const SYNC_TIMEOUT_MS = 60_000;

function outcomeOf(status: SyncStatus): SyncOutcome | null {
  if (status.phase === 'synced') {
    return 'synced';
  }
  if (status.phase === 'offline') {
    // Held by the workspace (signed out, not registered) is not the network's fault.
    return status.isHeld === true ? 'failed' : 'offline';
  }
  return status.phase === 'error' ? 'failed' : null;
}

/** What a content or comments session shows of its loading and its connection. */
interface SyncingSession {
  readonly state: Pick<Store<{ readonly phase: string }>, 'getSnapshot' | 'subscribe'>;
  readonly connection: Pick<Store<DocConnection | null>, 'getSnapshot' | 'subscribe'>;
  whenSaved(): Promise<void>;
}

/** How bad an outcome is: the worse of the content's and the comments' decides for the document. */
const SEVERITY: Readonly<Record<SyncOutcome, number>> = { synced: 0, offline: 1, failed: 2 };

/** Resolves with how the session's first sync ended, or null when `signal` aborts first. */
function waitForSync(session: SyncingSession, signal: AbortSignal): Promise<SyncOutcome | null> {
  return new Promise((resolve) => {
    let stopStatus: () => void = () => {};
    const timer = setTimeout(() => finish('failed'), SYNC_TIMEOUT_MS);
    const onAbort = (): void => finish(null);
    signal.addEventListener('abort', onAbort);
    const stopState = session.state.subscribe(check);
    const stopConnection = session.connection.subscribe(watch);
    watch();
    function watch(): void {
      const connection = session.connection.getSnapshot();
      if (connection !== null) {
        stopStatus();
        stopStatus = connection.status.subscribe(check);
      }
      check();
    }
    function check(): void {
      if (session.state.getSnapshot().phase === 'failed') {
        finish('failed');
        return;
      }
      const status = session.connection.getSnapshot()?.status.getSnapshot();
      const outcome = status === undefined ? null : outcomeOf(status);
      if (outcome !== null) {
        finish(outcome);
      }
    }
    function finish(outcome: SyncOutcome | null): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      stopState();
      stopConnection();
      stopStatus();
      resolve(outcome);
    }
  });
}

/** Waits for one session's first sync, and for what it received to be stored on the device. */
async function syncSession(session: SyncingSession, signal: AbortSignal): Promise<SyncOutcome> {
  const outcome = (await waitForSync(session, signal)) ?? 'failed';
  if (outcome === 'synced') {
    await session.whenSaved();
  }
  return outcome;
}

export interface SyncDocOptions {
  /** Whether the comments come along (true by default); a queued transition needs the content only. */
  readonly withComments?: boolean;
}

/**
 * Opens a document without an editor until the server's state is stored on the device (its
 * step 2 applied and written to IndexedDB) and this device's unsent changes are acknowledged,
 * then closes it. Its comments are brought along the same way, so that they can be read and
 * answered offline (unless `withComments` is false). Shares the sessions of a page that has the
 * document open.
 */
export async function syncDocOnce(
  services: AppServices,
  docId: DocId,
  signal: AbortSignal,
  options: SyncDocOptions = {},
): Promise<SyncOutcome> {
  if (signal.aborted) {
    return 'failed';
  }
  const content = acquireSession(services, docId, { lingerMs: 0 });
  const comments = options.withComments === false ? null : acquireCommentsSession(services, docId, { lingerMs: 0 });
  try {
    const outcomes = await Promise.all([
      syncSession(content.session, signal),
      ...(comments === null ? [] : [syncSession(comments.session, signal)]),
    ]);
    return outcomes.reduce((worst, each) => (SEVERITY[each] > SEVERITY[worst] ? each : worst));
  } finally {
    content.release();
    comments?.release();
  }
}

/**
 * The document's content only (see `syncDocOnce`): what a queued transition waits for, so that a
 * slow comments document does not hold a submit.
 */
export function syncContentOnce(services: AppServices, docId: DocId, signal: AbortSignal): Promise<SyncOutcome> {
  return syncDocOnce(services, docId, signal, { withComments: false });
}
