import type { Outbox } from '../outbox';
import type { UpdateLogStore } from '../storage';
import type { BackgroundSync } from '../sync';
import type { AuthStore } from './AuthStore';
import type { DocAccessTracker } from './DocAccessTracker';
import type { WorkspaceGate } from './WorkspaceGate';

/** What the following asks of the workspace runtime. */
export interface FollowedWorkspace {
  isSignedIn(): boolean;
  refreshInBackground(where: string): void;
}

/** The parts of the account the following drives. */
export interface FollowOptions {
  readonly auth: Pick<AuthStore, 'subscribe'>;
  readonly store: { readonly updates: Pick<UpdateLogStore, 'watchUnsent'> };
  readonly outbox: Pick<Outbox, 'flush' | 'onOnline'>;
  readonly access: Pick<DocAccessTracker, 'clearVerdicts' | 'confirmUnanswered'>;
  readonly gate: Pick<WorkspaceGate, 'reset'>;
  readonly backgroundSync: Pick<BackgroundSync, 'run' | 'stop' | 'state'>;
  readonly isOnline: () => boolean;
}

/** Fetch the workspace again this often while the app is open and online: new documents, new members. */
const REFRESH_INTERVAL_MS = 5 * 60_000;
/** Retry a background sync that ended with failures (or an unreachable server) after this long. */
const SYNC_RETRY_DELAY_MS = 60_000;
/** Wait this long after a local change in a closed document before a sync run uploads it. */
const UPLOAD_DELAY_MS = 5_000;

type Target = Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;

/**
 * Keeps an account's workspace current while the app is open: on signing in (again) the outbox
 * sends and the workspace is fetched; the network coming back does the same; edits made in
 * documents no page has open go up with the next background run; the workspace is fetched again
 * every few minutes. Returns a function that stops all of it.
 */
export function followWorkspace(runtime: FollowedWorkspace, options: FollowOptions): () => void {
  const stops = [followAuth(runtime, options), followNetwork(runtime, options), followUnsent(runtime, options)];
  const refreshTimer = setInterval(() => {
    if (runtime.isSignedIn()) {
      runtime.refreshInBackground('workspace.periodicRefresh');
    }
  }, REFRESH_INTERVAL_MS);
  return () => {
    clearInterval(refreshTimer);
    for (const stop of stops) {
      stop();
    }
  };
}

/** Signed in (again, after an expired session): send what waits and fetch; expired: stop syncing. */
function followAuth(runtime: FollowedWorkspace, options: FollowOptions): () => void {
  let wasSignedIn = false;
  const onAuth = (): void => {
    const isSignedIn = runtime.isSignedIn();
    if (isSignedIn && !wasSignedIn) {
      options.gate.reset();
      options.access.clearVerdicts();
      void options.outbox.flush();
      runtime.refreshInBackground('workspace.refresh');
    } else if (!isSignedIn) {
      options.backgroundSync.stop();
    }
    wasSignedIn = isSignedIn;
  };
  const stop = options.auth.subscribe(onAuth);
  onAuth();
  return stop;
}

/** Edits made in documents no page has open (a rename from the list) go up with the next run. */
function followUnsent(runtime: FollowedWorkspace, options: FollowOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopCount = options.store.updates.watchUnsent(null, (count) => {
    if (count > 0 && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        if (runtime.isSignedIn()) {
          void options.backgroundSync.run();
        }
      }, UPLOAD_DELAY_MS);
    }
  });
  return () => {
    stopCount();
    if (timer !== null) {
      clearTimeout(timer);
    }
  };
}

function followNetwork(runtime: FollowedWorkspace, options: FollowOptions): () => void {
  const target = globalThis as Target;
  const { backgroundSync } = options;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const onOnline = (): void => {
    options.outbox.onOnline();
    if (runtime.isSignedIn()) {
      runtime.refreshInBackground('workspace.refresh');
      void options.access.confirmUnanswered();
    }
  };
  const onOffline = (): void => backgroundSync.stop('offline');
  // A run that ended with failures, or stopped by an unreachable server while the browser says
  // online, is tried again a while later: no `online` event will come.
  const stopRetry = backgroundSync.state.subscribe(() => {
    const { phase } = backgroundSync.state.getSnapshot();
    if ((phase === 'error' || phase === 'offline') && retryTimer === null && options.isOnline()) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (runtime.isSignedIn()) {
          void backgroundSync.run();
        }
      }, SYNC_RETRY_DELAY_MS);
    }
  });
  target.addEventListener?.('online', onOnline);
  target.addEventListener?.('offline', onOffline);
  return () => {
    stopRetry();
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
    }
    target.removeEventListener?.('online', onOnline);
    target.removeEventListener?.('offline', onOffline);
  };
}
