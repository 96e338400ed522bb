import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DocId } from '../../../shared';
import type { OutboxSummary } from '../../core/outbox';
import type { BackgroundSyncState } from '../../core/sync';
import type { AuthState, CachedWorkspace, DocAccess, DocPlacement } from '../../core/workspace';
import { useAccount, useApp } from '../services/useServices';
import { useStore } from './useStore';

/** Who is signed in on this device. */
export function useAuth(): AuthState {
  return useStore(useApp().auth);
}

/** The cached workspace (works offline); null before the first fetch on this device. */
export function useWorkspace(): CachedWorkspace | null {
  return useStore(useAccount().workspace.view);
}

/** Progress of bringing every document of the user's groups onto the device. */
export function useBackgroundSync(): BackgroundSyncState {
  return useStore(useAccount().backgroundSync.state);
}

/** Operations made offline and not yet accepted by the server; problems are refusals the user must see. */
export function useOutbox(): OutboxSummary {
  return useStore(useAccount().outbox.summary);
}

/** Changes of every document on this device that the server has not acknowledged. */
export function useTotalUnsent(): number {
  const { store } = useAccount();
  const [count, setCount] = useState(0);
  useEffect(() => store.updates.watchUnsent(null, setCount), [store]);
  return count;
}

/**
 * What the signed-in user may do with a document: from the cached record and can(), confirmed by
 * the server (GET /api/docs/:id 403/404, relay 4403/4410).
 */
export function useDocAccess(docId: DocId): DocAccess {
  const { auth } = useApp();
  const { workspace, cache, outbox, access } = useAccount();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [auth, cache.state, outbox.state, access.version].map((store) => store.subscribe(onChange));
      globalThis.addEventListener?.('online', onChange);
      globalThis.addEventListener?.('offline', onChange);
      return () => {
        for (const stop of stops) {
          stop();
        }
        globalThis.removeEventListener?.('online', onChange);
        globalThis.removeEventListener?.('offline', onChange);
      };
    },
    [auth, cache, outbox, access],
  );
  const docAccess = useSyncExternalStore(subscribe, () => workspace.accessOf(docId));
  const isSignedIn = useStore(auth).status === 'signed_in';
  useEffect(() => {
    if (isSignedIn) {
      void access.confirm(docId);
    }
  }, [access, docId, isSignedIn]);
  return docAccess;
}

/**
 * Where a document stands between this device and the server: listed by the server, created here
 * and waiting for its registration, or only on this device. Null when the device does not list it.
 */
export function useDocPlacement(docId: DocId): DocPlacement | null {
  const { workspace, cache, outbox } = useAccount();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [cache.state.subscribe(onChange), outbox.state.subscribe(onChange)];
      return () => {
        for (const stop of stops) {
          stop();
        }
      };
    },
    [cache, outbox],
  );
  return useSyncExternalStore(subscribe, () => workspace.placementOf(docId));
}
