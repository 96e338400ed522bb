import { createStore, type Store } from './createStore';

type Source = Pick<Store<unknown>, 'subscribe'>;

/**
 * A read-only store computed from other stores: recomputed whenever one of them changes, and
 * replaced only when `isEqual` says the value changed (so that React re-renders only then).
 * Returns the store and a function that stops following the sources.
 */
export function deriveStore<T>(
  sources: readonly Source[],
  compute: () => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): { readonly store: Pick<Store<T>, 'getSnapshot' | 'subscribe'>; readonly stop: () => void } {
  const store = createStore<T>(compute());
  const recompute = (): void => {
    const next = compute();
    if (!isEqual(store.getSnapshot(), next)) {
      store.set(next);
    }
  };
  const stops = sources.map((source) => source.subscribe(recompute));
  return {
    store: { getSnapshot: store.getSnapshot, subscribe: store.subscribe },
    stop: () => {
      for (const stop of stops) {
        stop();
      }
    },
  };
}
