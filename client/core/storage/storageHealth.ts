import { toError } from '../errors';
import { createStore, type Store } from '../lib';

/** Why the device store may not be saving: shown to the user, since unsaved edits are at risk. */
export const StorageState = {
  ok: 'ok',
  /** The browser closed the database (eviction, crash of the storage process); reopening. */
  interrupted: 'interrupted',
  /** Another tab runs a newer version of the app and upgraded the database: reload this tab. */
  outdated: 'outdated',
  /** Writes fail (quota, disk); they are retried and the edits stay in memory meanwhile. */
  failing: 'failing',
} as const;
export type StorageState = (typeof StorageState)[keyof typeof StorageState];

export interface StorageHealthSnapshot {
  readonly state: StorageState;
  /** Writes issued and not yet committed. */
  readonly inFlight: number;
  /** Writes that failed and wait for a retry. */
  readonly waiting: number;
  readonly lastError: string | null;
}

/** Tracks the device store's writes and state for the UI and the `beforeunload` guard. */
export interface StorageHealth extends Store<StorageHealthSnapshot> {
  /** Call when a write starts; call the returned function once it settled. */
  beginWrite(): (outcome: { readonly ok: true } | { readonly ok: false; readonly error: unknown }) => void;
  /** Counts a failed write that will be retried until `settle` is called. */
  holdFailed(): () => void;
  setState(state: StorageState): void;
  /** Records a failure that is not tied to one write (reopening the database). */
  reportError(err: unknown): void;
}

function failure(s: StorageHealthSnapshot, err: unknown): Partial<StorageHealthSnapshot> {
  return { lastError: toError(err).message, state: s.state === 'outdated' ? s.state : StorageState.failing };
}

export function createStorageHealth(): StorageHealth {
  const store = createStore<StorageHealthSnapshot>({ state: 'ok', inFlight: 0, waiting: 0, lastError: null });
  const change = (patch: (s: StorageHealthSnapshot) => Partial<StorageHealthSnapshot>): void =>
    store.update((s) => ({ ...s, ...patch(s) }));
  return {
    ...store,
    beginWrite() {
      change((s) => ({ inFlight: s.inFlight + 1 }));
      return (outcome) => {
        if (outcome.ok) {
          change((s) => ({ inFlight: s.inFlight - 1, state: s.state === 'outdated' ? s.state : StorageState.ok }));
        } else {
          change((s) => ({ inFlight: s.inFlight - 1, ...failure(s, outcome.error) }));
        }
      };
    },
    holdFailed() {
      change((s) => ({ waiting: s.waiting + 1 }));
      let isSettled = false;
      return () => {
        if (!isSettled) {
          isSettled = true;
          change((s) => ({ waiting: s.waiting - 1 }));
        }
      };
    },
    setState: (state) => change(() => ({ state })),
    reportError: (err) => change((s) => failure(s, err)),
  };
}

/** Whether leaving the page now could lose edits that are not on the device yet. */
export function hasUnsavedWrites(snapshot: StorageHealthSnapshot): boolean {
  return snapshot.inFlight > 0 || snapshot.waiting > 0;
}
