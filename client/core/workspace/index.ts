import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { DocId, DocKind, GroupId } from '../../../shared';
import type { Workspace } from '../../../shared/api/schemas';
import { getServices } from '../../app/services';
import { useStore } from '../../ui/hooks/useStore';
import type { OutboxSummary } from '../outbox/Outbox';
import type { BackgroundSyncState } from '../sync/BackgroundSync';
import type { AuthState } from './AuthStore';
import type { DocPlacement } from './composeWorkspace';
import type { DocAccess } from './docAccess';

/**
 * The workspace as the UI sees it: who is signed in, the cached groups, people and documents,
 * operations waiting for the network, the background sync, and what the user may do with a
 * document. Everything works offline from the device's cache.
 */

export type { DocRecord, Group, Me, Person, Workspace } from '../../../shared/api/schemas';
export type { ApiClient } from '../api/ApiClient';
export { ApiError, NetworkError } from '../api/ApiError';
/** The HTTP API (docs/API.md): for the pages that manage groups, people, invitations and tokens. */
export { api } from '../api/api';
export type { OutboxProblem, OutboxSummary } from '../outbox/Outbox';
export type { BackgroundSyncState } from '../sync/BackgroundSync';
export type { AuthState } from './AuthStore';
export { DocPlacement } from './composeWorkspace';
export type { DocAccess } from './docAccess';

/** Who is signed in on this device. */
export function useAuth(): AuthState {
  return useStore(getServices().workspace.auth);
}

/** The cached workspace (from Dexie; works offline); null before the first fetch on this device. */
export function useWorkspace(): (Workspace & { readonly fetchedAt: number }) | null {
  return useStore(getServices().workspace.view);
}

/** Progress of bringing every document of the user's groups onto the device. */
export function useBackgroundSync(): BackgroundSyncState {
  return useStore(getServices().workspace.backgroundSync.state);
}

/** Operations made offline and not yet accepted by the server; problems are refusals the user must see. */
export function useOutbox(): OutboxSummary {
  return useStore(getServices().workspace.outbox.summary);
}

/**
 * What the signed-in user may do with a document: from the cached record and can(), confirmed by
 * the server (GET /api/docs/:id 403/404, relay 4403/4410).
 */
export function useDocAccess(docId: DocId): DocAccess {
  const runtime = getServices().workspace;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [runtime.auth, runtime.cache, runtime.outbox.state, runtime.access.version].map((store) =>
        store.subscribe(onChange),
      );
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
    [runtime],
  );
  const access = useSyncExternalStore(subscribe, () => runtime.accessOf(docId));
  const isSignedIn = useStore(runtime.auth).status === 'signed_in';
  useEffect(() => {
    if (isSignedIn) {
      void runtime.access.confirm(docId);
    }
  }, [runtime, docId, isSignedIn]);
  return access;
}

/**
 * Where a document stands between this device and the server: listed by the server, created here
 * and waiting for its registration, or only on this device. Null when the device does not list it.
 */
export function useDocPlacement(docId: DocId): DocPlacement | null {
  const runtime = getServices().workspace;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [runtime.cache.subscribe(onChange), runtime.outbox.state.subscribe(onChange)];
      return () => {
        for (const stop of stops) {
          stop();
        }
      };
    },
    [runtime],
  );
  return useSyncExternalStore(subscribe, () => runtime.placementOf(docId));
}

/** Actions on the workspace. Each one works offline where that makes sense (creating, archiving). */
export const workspace = {
  /** Throws ApiError (wrong password, rate limited) or NetworkError (offline). */
  signIn(username: string, password: string): Promise<void> {
    return getServices().workspace.auth.signIn(username, password);
  },
  /** Keeps unsent edits on the device; they are sent after the next sign-in. */
  signOut(): Promise<void> {
    return getServices().workspace.auth.signOut();
  },
  completeSetup(token: string, input: { username: string; name: string; password: string }): Promise<void> {
    return getServices().workspace.auth.completeSetup(token, input);
  },
  acceptInvitation(token: string, input: { username: string; name: string; password: string }): Promise<void> {
    return getServices().workspace.auth.acceptInvitation(token, input);
  },
  /** Fetches the workspace again; throws ApiError or NetworkError. */
  refresh(): Promise<void> {
    return getServices().workspace.refresh();
  },
  /**
   * Local-first: the id is created on the device, the Y.Doc seeded from the template, the record
   * cached and queued in the outbox; resolves at once, offline too. Throws ApiError 403 when the
   * user is not a member of the group.
   */
  createDocument(input: { kind: DocKind; groupId: GroupId; title?: string }): Promise<DocId> {
    return getServices().workspace.createDocument(input);
  },
  /** Shown at once, sent when online; a refusal becomes a problem in `useOutbox`. */
  setArchived(docId: DocId, isArchived: boolean): Promise<void> {
    return getServices().workspace.setArchived(docId, isArchived);
  },
  /** Sends a refused operation again (for example after joining the group). */
  retryProblem(id: string): Promise<void> {
    return getServices().workspace.outbox.retry(id);
  },
  /** Lets a refused operation go; the document's content stays on the device. */
  dismissProblem(id: string): Promise<void> {
    return getServices().workspace.outbox.dismiss(id);
  },
};
