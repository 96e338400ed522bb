import type { RoomSession } from './RoomSession';
import type { SyncStatus } from './syncStatus';

/** How syncing one document ended: `offline` stops a background run until the network is back. */
export type SyncOutcome = 'synced' | 'offline' | 'failed';

/**
 * Give one document this long to load and sync: a large document on a slow link takes a while,
 * but one stuck document must not hold a worker of the background sync for good.
 */
const SYNC_TIMEOUT_MS = 60_000;

/** How bad an outcome is: the worse of the content's and the comments' decides for the document. */
const SEVERITY: Readonly<Record<SyncOutcome, number>> = { synced: 0, offline: 1, failed: 2 };

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

/** Resolves with how the room's first sync ended, or null when `signal` aborts first. */
function waitForSync(session: RoomSession, signal: AbortSignal): Promise<SyncOutcome | null> {
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

/** Waits for one room's first sync, and for what it received to be stored on the device. */
async function syncRoom(session: RoomSession, signal: AbortSignal): Promise<SyncOutcome> {
  const outcome = (await waitForSync(session, signal)) ?? 'failed';
  if (outcome === 'synced') {
    await session.whenSaved();
  }
  return outcome;
}

/** Syncs the rooms of one document; the worst outcome decides. */
export async function syncRooms(sessions: readonly RoomSession[], signal: AbortSignal): Promise<SyncOutcome> {
  const outcomes = await Promise.all(sessions.map((session) => syncRoom(session, signal)));
  return outcomes.reduce((worst, each) => (SEVERITY[each] > SEVERITY[worst] ? each : worst), 'synced');
}
