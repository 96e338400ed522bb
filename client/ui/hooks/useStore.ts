import { useSyncExternalStore } from 'react';
import type { Store } from '../../core/lib';

/** The current snapshot of a store; re-renders when it changes. */
export function useStore<T>(store: Pick<Store<T>, 'subscribe' | 'getSnapshot'>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
